package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.List;

/**
 * One caller inside Queue(): joins, rings members according to the strategy, connects the first
 * that answers (AgentConnect + a basic bridge), and reports how it ended (AgentComplete,
 * QueueCallerAbandon). Event order follows the Asterisk 22 recordings.
 */
final class QueueCall {

    private final Pbx pbx;
    private final Queues queues;
    final Queue queue;
    private final AppRun run;
    final Channel caller;
    private final long joinedAt;
    private final int originalPosition;
    private final List<MemberAttempt> attempts = new ArrayList<>();
    private MemberAttempt connected;
    private Bridge bridge;
    private long connectedAt;
    private boolean done;

    QueueCall(Pbx pbx, Queues queues, Queue queue, AppRun run) {
        this.pbx = pbx;
        this.queues = queues;
        this.queue = queue;
        this.run = run;
        this.caller = run.channel();
        this.joinedAt = pbx.channels().epochMillis();
        this.originalPosition = queue.callers.size() + 1;
    }

    long waitedSeconds() {
        return seconds(pbx.channels().epochMillis()) - seconds(joinedAt);
    }

    int position() {
        return queue.callers.indexOf(this) + 1;
    }

    void join() {
        queue.callers.add(this);
        queues.updateWaiting(queue);
        pbx.events().publish(queues.agentEvent("QueueCallerJoin").addAll(caller.snapshot().fields())
                .add("Queue", queue.name()).add("Position", position()).add("Count", queue.callers.size()).build());
        caller.mohClass = queue.config.musicClass();
        pbx.events().mohStart(caller, caller.mohClass);
        run.onInterrupt(this::callerGone);
        tryMembers();
    }

    /** Rings whoever the strategy picks; with nobody available, looks again after "retry". */
    void tryMembers() {
        if (done || connected != null || !attempts.isEmpty()) {
            return;
        }
        List<QueueMember> pick = MemberPicker.pick(queue);
        for (QueueMember m : pick) {
            MemberAttempt a = MemberAttempt.ring(pbx, this, m);
            if (a != null) {
                attempts.add(a);
            }
        }
        if (attempts.isEmpty()) {
            run.after(queue.config.retrySeconds() * 1000L, this::tryMembers);
        }
    }

    /** An attempt ended without answer (timeout, busy, hang-up): retry after the pause. */
    void attemptEnded(MemberAttempt a) {
        attempts.remove(a);
        if (attempts.isEmpty() && connected == null && !done) {
            run.after(queue.config.retrySeconds() * 1000L, this::tryMembers);
        }
    }

    void connect(MemberAttempt winner) {
        connected = winner;
        attempts.remove(winner);
        winner.dialEnd("ANSWER");
        for (MemberAttempt other : List.copyOf(attempts)) {
            other.cancel(HangupCause.ANSWERED_ELSEWHERE, true);
        }
        attempts.clear();
        pbx.events().mohStop(caller);
        int position = position();
        queue.callers.remove(this);
        queues.updateWaiting(queue);
        pbx.events().publish(queues.agentEvent("QueueCallerLeave").addAll(caller.snapshot().fields())
                .add("Queue", queue.name()).add("Position", position).add("Count", queue.callers.size()).build());
        long hold = waitedSeconds();
        queue.recordHoldtime((int) hold);
        pbx.events().publish(agentEvent("AgentConnect", winner).add("HoldTime", hold)
                .add("RingTime", winner.ringSeconds()).build());
        winner.member.inCall = true;
        connectedAt = pbx.channels().epochMillis();
        bridge = pbx.bridges().createBasic();
        pbx.bridges().enter(bridge, winner.channel);
        pbx.bridges().enter(bridge, caller);
        bridge.listener = this::bridgeLeft;
        winner.channel.owner = new BridgedMember(pbx, winner.channel);
    }

    /** The queue app is interrupted: the caller hung up (or was redirected away). */
    private void callerGone() {
        if (done) {
            return;
        }
        if (connected != null) {
            complete("caller");
            return;
        }
        done = true;
        pbx.events().mohStop(caller);
        for (MemberAttempt a : List.copyOf(attempts)) {
            a.cancel(HangupCause.NOT_DEFINED, true);
        }
        attempts.clear();
        int position = position();
        queue.recordAbandoned(waitedSeconds());
        pbx.events().publish(queues.agentEvent("QueueCallerAbandon").addAll(caller.snapshot().fields())
                .add("Queue", queue.name()).add("Position", position).add("OriginalPosition", originalPosition)
                .add("HoldTime", waitedSeconds()).build());
        queue.callers.remove(this);
        queues.updateWaiting(queue);
        pbx.events().publish(queues.agentEvent("QueueCallerLeave").addAll(caller.snapshot().fields())
                .add("Queue", queue.name()).add("Position", position).add("Count", queue.callers.size()).build());
    }

    private void bridgeLeft(Bridge b, Channel ch) {
        if (ch == caller) {
            complete("caller");
            kick(connected.channel);
        } else if (connected != null && ch == connected.channel) {
            complete("agent");
            pbx.bridges().leave(caller);
            pbx.bridges().destroy(b);
            // With the member gone app_queue ends the caller's call too (Queue() returns -1).
            run.hangup(HangupCause.NORMAL_CLEARING);
        }
    }

    private void kick(Channel member) {
        if (member.bridge != null) {
            member.bridge.listener = null;
            pbx.bridges().leave(member);
        }
        pbx.bridges().destroy(bridge);
        pbx.ops().hangup(member, HangupCause.NORMAL_CLEARING);
    }

    private void complete(String reason) {
        if (done) {
            return;
        }
        done = true;
        long talk = seconds(pbx.channels().epochMillis()) - seconds(connectedAt);
        long hold = seconds(connectedAt) - seconds(joinedAt);
        QueueMember m = connected.member;
        m.callsTaken++;
        m.lastCall = pbx.channels().epochSeconds();
        m.inCall = false;
        queue.recordCompleted((int) talk, (int) hold);
        pbx.events().publish(agentEvent("AgentComplete", connected).add("HoldTime", hold).add("TalkTime", talk)
                .add("Reason", reason).build());
    }

    org.dialerd.sim.ami.AmiMessage.Builder agentEvent(String name, MemberAttempt a) {
        org.dialerd.sim.ami.AmiMessage.Builder b = queues.agentEvent(name);
        if (!caller.hungUp || name.equals("AgentComplete")) {
            b.addAll(caller.snapshot().fields());
        }
        if (!a.channel.hungUp) {
            b.addAll(a.channel.snapshot().fields("Dest"));
        }
        return b.add("Queue", queue.name()).add("Interface", a.member.iface).add("MemberName", a.member.name);
    }

    static long seconds(long epochMillis) {
        return epochMillis / 1000;
    }
}
