package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.List;
import org.dialerd.sim.ami.AmiMessage;

/** The list items of QueueStatus (QueueParams, QueueMember, QueueEntry) and QueueSummary. */
public final class QueueView {

    private QueueView() {
    }

    public static List<AmiMessage.Builder> status(Pbx pbx, Queue q, String memberFilter) {
        List<AmiMessage.Builder> out = new ArrayList<>();
        out.add(AmiMessage.event("QueueParams").add("Queue", q.name()).add("Max", q.config.maxLen())
                .add("Strategy", q.config.strategy().wire()).add("Calls", q.callers.size())
                .add("Holdtime", q.holdtime).add("TalkTime", q.talktime).add("Completed", q.completed)
                .add("Abandoned", q.abandoned).add("ServiceLevel", q.config.serviceLevel())
                .add("ServicelevelPerf", q.serviceLevelPerf()).add("ServicelevelPerf2", q.serviceLevelPerf2())
                .add("Weight", q.config.weight()));
        for (QueueMember m : q.membersInOrder()) {
            if (memberFilter.isEmpty() || memberFilter.equals(m.iface) || memberFilter.equals(m.name)) {
                out.add(AmiMessage.event("QueueMember").addAll(m.statusFields()));
            }
        }
        for (QueueCall c : q.callers) {
            Channel ch = c.caller;
            out.add(AmiMessage.event("QueueEntry").add("Queue", q.name()).add("Position", c.position())
                    .add("Channel", ch.name).add("Uniqueid", ch.uniqueid).add("CallerIDNum", ch.callerNum)
                    .add("CallerIDName", ch.callerName).add("ConnectedLineNum", ch.connectedNum)
                    .add("ConnectedLineName", ch.connectedName).add("Wait", c.waitedSeconds()).add("Priority", 0));
        }
        return out;
    }

    public static AmiMessage.Builder summary(Pbx pbx, Queue q) {
        int loggedIn = 0;
        int available = 0;
        for (QueueMember m : q.members.values()) {
            if (m.status != 5 && m.status != 4) {
                loggedIn++;
            }
            if (m.available() && !m.inCall && !m.ringing) {
                available++;
            }
        }
        long longest = q.callers.stream().mapToLong(QueueCall::waitedSeconds).max().orElse(0);
        return AmiMessage.event("QueueSummary").add("Queue", q.name()).add("LoggedIn", loggedIn)
                .add("Available", available).add("Callers", q.callers.size()).add("HoldTime", q.holdtime)
                .add("TalkTime", q.talktime).add("LongestHoldTime", longest);
    }
}
