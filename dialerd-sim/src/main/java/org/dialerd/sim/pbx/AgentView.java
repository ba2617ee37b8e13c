package org.dialerd.sim.pbx;

import org.dialerd.sim.ami.AmiMessage;

/** One item of the Agents list, shaped like app_agent_pool's. */
public final class AgentView {

    private AgentView() {
    }

    public static AmiMessage.Builder item(Pbx pbx, Agent a) {
        AmiMessage.Builder b = AmiMessage.event("Agents").add("Agent", a.id).add("Name", a.fullName)
                .add("Status", a.status.name());
        if (a.talkingTo != null) {
            b.add("TalkingToChan", a.talkingTo).add("CallStarted", a.callStartedEpochSeconds);
        }
        if (a.channel != null) {
            b.add("LoggedInTime", a.loginEpochSeconds).addAll(a.channel.snapshot().fields());
        }
        return b;
    }
}
