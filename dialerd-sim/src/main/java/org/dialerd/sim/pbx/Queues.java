package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.ami.AmiMessage;

/**
 * app_queue's member management: QueueAdd/Remove/Pause/Penalty with their events and the
 * pseudo devices {@code Queue:<q>_avail}, {@code Queue:<q>_pause_<iface>} and {@code Queue:<q>},
 * plus the device-state watch that turns StateInterface changes into QueueMemberStatus.
 */
public final class Queues {

    private final Pbx pbx;
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private long memberSeq;

    Queues(Pbx pbx) {
        this.pbx = pbx;
        pbx.devices().listen(this::deviceChanged);
    }

    public void define(QueueConfig config) {
        queues.put(config.name(), new Queue(config));
    }

    public Optional<Queue> find(String name) {
        return Optional.ofNullable(queues.get(name));
    }

    /** Queues in app_queue's container order (what "QueueStatus" without Queue lists). */
    public List<Queue> inOrder() {
        List<Queue> list = new ArrayList<>(queues.values());
        list.sort(Comparator.comparingInt(q -> Queue.hashBucket(q.name())));
        return list;
    }

    public enum AddResult { ADDED, EXISTS, NO_SUCH_QUEUE }

    public AddResult add(String queueName, String iface, String memberName, String stateInterface, int penalty,
                         boolean paused, String reason) {
        Queue q = queues.get(queueName);
        if (q == null) {
            return AddResult.NO_SUCH_QUEUE;
        }
        if (q.members.containsKey(iface)) {
            return AddResult.EXISTS;
        }
        String si = stateInterface == null || stateInterface.isEmpty() ? iface : stateInterface;
        String mn = memberName == null || memberName.isEmpty() ? iface : memberName;
        QueueMember m = new QueueMember(queueName, mn, iface, si, penalty, pbx.channels().epochSeconds(), memberSeq++);
        m.status = DeviceStates.memberStatus(pbx.devices().state(si));
        m.paused = paused;
        m.pausedReason = paused && reason != null ? reason : "";
        if (paused) {
            m.lastPause = pbx.channels().epochSeconds();
        }
        q.members.put(iface, m);
        pbx.devices().set(pauseDevice(q, m), paused ? "INUSE" : "NOT_INUSE");
        memberEvent("QueueMemberAdded", m);
        updateAvailability(q);
        return AddResult.ADDED;
    }

    public boolean remove(String queueName, String iface) {
        Queue q = queues.get(queueName);
        QueueMember m = q == null ? null : q.members.remove(iface);
        if (m == null) {
            return false;
        }
        memberEvent("QueueMemberRemoved", m);
        if (m.paused) {
            pbx.devices().set(pauseDevice(q, m), "NOT_INUSE");
        }
        updateAvailability(q);
        return true;
    }

    /** QueuePause; {@code queueName} null or empty = every queue the interface is in. */
    public boolean pause(String queueName, String iface, boolean paused, String reason) {
        boolean found = false;
        for (Queue q : inOrder()) {
            if (queueName != null && !queueName.isEmpty() && !q.name().equals(queueName)) {
                continue;
            }
            QueueMember m = q.members.get(iface);
            if (m == null) {
                continue;
            }
            found = true;
            m.paused = paused;
            m.pausedReason = paused && reason != null ? reason : "";
            if (paused) {
                m.lastPause = pbx.channels().epochSeconds();
            }
            pbx.devices().set(pauseDevice(q, m), paused ? "INUSE" : "NOT_INUSE");
            memberEvent("QueueMemberPause", m);
            updateAvailability(q);
        }
        return found;
    }

    public boolean penalty(String queueName, String iface, int penalty) {
        boolean found = false;
        for (Queue q : inOrder()) {
            if (queueName != null && !queueName.isEmpty() && !q.name().equals(queueName)) {
                continue;
            }
            QueueMember m = q.members.get(iface);
            if (m != null) {
                found = true;
                m.penalty = penalty;
                memberEvent("QueueMemberPenalty", m);
            }
        }
        return found;
    }

    void memberEvent(String name, QueueMember m) {
        pbx.events().publish(pbx.events().agent(name).addAll(m.eventFields()).build());
    }

    /** A device changed: members watching it get a new Status (QueueMemberStatus on change). */
    private void deviceChanged(String device, String state) {
        int status = DeviceStates.memberStatus(state);
        for (Queue q : inOrder()) {
            for (QueueMember m : q.membersInOrder()) {
                if (m.stateInterface.equals(device) && m.status != status) {
                    m.status = status;
                    memberEvent("QueueMemberStatus", m);
                    updateAvailability(q);
                }
            }
        }
    }

    void updateAvailability(Queue q) {
        pbx.devices().set("Queue:" + q.name() + "_avail", q.anyAvailable() ? "NOT_INUSE" : "INUSE");
    }

    void updateWaiting(Queue q) {
        pbx.devices().set("Queue:" + q.name(), q.callers.isEmpty() ? "NOT_INUSE" : "RINGING");
    }

    private static String pauseDevice(Queue q, QueueMember m) {
        return "Queue:" + q.name() + "_pause_" + m.iface;
    }

    /** The Queue(name,options,,,timeout) application. */
    void queueApp(AppRun run) {
        Queue q = queues.get(run.arg(0));
        if (q == null) {
            run.next();
            return;
        }
        new QueueCall(pbx, this, q, run).join();
    }

    AmiMessage.Builder agentEvent(String name) {
        return pbx.events().agent(name);
    }
}
