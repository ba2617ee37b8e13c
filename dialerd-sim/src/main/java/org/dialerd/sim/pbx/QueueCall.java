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
    /** The member's part is over (counted, no longer in call) though AgentComplete may still wait. */
    private boolean memberDone;
    /** Park/Redirect took a party out of our bridge: the call completes when one of them hangs up. */
    private boolean away;
    /** The member stepped out to consult an attended-transfer target: its leaving is not the end. */
    private boolean consulting;

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
        bridge.listener = new Bridge.Listener() {
            @Override
            public void left(Bridge b, Channel ch) {
                bridgeLeft(b, ch);
            }

            @Override
            public void takenAway(Bridge b, Channel ch) {
                partyTakenAway(ch);
            }

            @Override
            public void blindTransfer(Bridge b, Channel transferer) {
                complete("transfer");
            }

            @Override
            public void consultation(Bridge b, Channel transferer, boolean started) {
                consulting = started;
            }

            @Override
            public void attendedTransfer(Bridge b, Channel transferer, Channel target) {
                consulting = false;
                complete("transfer");
            }
        };
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

    /**
     * Park or Redirect takes a party out of the bridge; whoever stays is hung up. That ends the
     * member's part, not the queue call: app_queue follows the channels and sends AgentComplete
     * when the caller (Reason caller) or a redirected member (Reason agent) hangs up, wherever
     * it is by then.
     */
    private void partyTakenAway(Channel ch) {
        away = true;
        run.onInterrupt(null);
        if (ch == caller) {
            pbx.ops().onHangup(caller, () -> complete("caller"));
        } else if (connected != null && ch == connected.channel) {
            pbx.ops().onHangup(ch, () -> complete("agent"));
        }
    }

    private void bridgeLeft(Bridge b, Channel ch) {
        if (consulting && connected != null && ch == connected.channel) {
            return;
        }
        if (away) {
            // Only a member hung up because the other party was taken away counts as done now.
            if (connected != null && ch == connected.channel && ch.hangupWatchers.isEmpty()) {
                finishMember();
            }
            return;
        }
        if (ch == caller) {
            complete("caller");
            kickRest(b);
        } else if (connected != null && ch == connected.channel) {
            complete("agent");
            pbx.bridges().leave(caller);
            pbx.bridges().destroy(b);
            // With the member gone app_queue ends the caller's call too (Queue() returns -1).
            run.hangup(HangupCause.NORMAL_CLEARING);
        }
    }

    /** The caller is gone: whoever is still bridged with it (the member, a transfer target) goes. */
    private void kickRest(Bridge b) {
        b.listener = null;
        List<Channel> rest = List.copyOf(b.channels);
        for (Channel c : rest) {
            pbx.bridges().leave(c);
        }
        pbx.bridges().destroy(b);
        for (Channel c : rest) {
            pbx.ops().hangup(c, HangupCause.NORMAL_CLEARING);
        }
    }

    private void complete(String reason) {
        if (done) {
            return;
        }
        done = true;
        long talk = seconds(pbx.channels().epochMillis()) - seconds(connectedAt);
        long hold = seconds(connectedAt) - seconds(joinedAt);
        finishMember();
        queue.recordCompleted((int) talk, (int) hold);
        pbx.events().publish(agentEvent("AgentComplete", connected).add("HoldTime", hold).add("TalkTime", talk)
                .add("Reason", reason).build());
    }

    private void finishMember() {
        if (memberDone) {
            return;
        }
        memberDone = true;
        QueueMember m = connected.member;
        m.callsTaken++;
        m.lastCall = pbx.channels().epochSeconds();
        m.inCall = false;
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
