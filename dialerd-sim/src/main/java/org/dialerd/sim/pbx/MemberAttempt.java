package org.dialerd.sim.pbx;

import org.dialerd.sim.clock.VirtualScheduler.Timer;

/**
 * app_queue ringing one member: creates the member's Local channel, publishes AgentCalled and
 * DialBegin, and turns what the member's phone does into queue events (DialState, AgentConnect
 * via the queue call, AgentRingNoAnswer after the queue timeout).
 */
final class MemberAttempt implements CallProgress {

    private final Pbx pbx;
    private final QueueCall call;
    final QueueMember member;
    final Channel channel;
    private final long startedAt;
    private Timer timeout;
    private boolean over;

    private MemberAttempt(Pbx pbx, QueueCall call, QueueMember member, Channel channel) {
        this.pbx = pbx;
        this.call = call;
        this.member = member;
        this.channel = channel;
        this.startedAt = pbx.channels().nowMillis();
    }

    /** Dials the member; null when the interface cannot be dialed. */
    static MemberAttempt ring(Pbx pbx, QueueCall call, QueueMember m) {
        Channel caller = call.caller;
        Channel one = pbx.dialer().create(m.iface, caller.linkedid, null, null);
        if (one == null) {
            return null;
        }
        MemberAttempt a = new MemberAttempt(pbx, call, m, one);
        one.owner = a;
        one.application = "AppQueue";
        one.applicationData = "(Outgoing Line)";
        // As app_queue/app_dial do: the callee's caller id is the caller's connected line.
        one.setCaller(caller.connectedNum, caller.connectedName);
        pbx.events().newCallerid(one);
        Channel two = one.localPeer;
        if (two != null) {
            two.setCaller(caller.callerNum, caller.callerName);
            two.setConnected(caller.connectedNum, caller.connectedName);
            pbx.events().newCallerid(two);
            pbx.events().newConnectedLine(two);
            pbx.events().localBridge(one, two);
        }
        Snapshot stale = one.snapshot();
        one.exten = caller.exten;
        one.setConnected(caller.callerNum, caller.callerName);
        one.connectedLinePending = true;
        m.ringing = true;
        pbx.events().publish(call.agentEvent("AgentCalled", a).build());
        pbx.events().dial("DialBegin", caller.snapshot(), stale, "DialString", m.iface);
        a.timeout = pbx.scheduler().schedule(call.queue.config.timeoutSeconds() * 1000L, a::noAnswer);
        pbx.dialer().startRemote(one);
        return a;
    }

    /** The member's ;1 learnt who answers (AgentRequest): the caller sees it as connected line. */
    void memberIdentified() {
        Channel caller = call.caller;
        caller.setConnected(channel.callerNum, channel.callerName);
        pbx.events().newConnectedLine(caller);
        pbx.locals().connectedLineChanged(caller);
    }

    long ringSeconds() {
        return (pbx.channels().nowMillis() - startedAt + 500) / 1000;
    }

    void dialEnd(String status) {
        pbx.events().dial("DialEnd", call.caller.snapshot(), channel.snapshot(), "DialStatus", status);
    }

    private void finish() {
        over = true;
        member.ringing = false;
        if (timeout != null) {
            timeout.cancel();
        }
    }

    /** Stops ringing this member (another answered, the caller left). */
    void cancel(int cause, boolean twice) {
        if (over) {
            return;
        }
        finish();
        dialEnd("CANCEL");
        if (twice) {
            dialEnd("CANCEL");
        }
        pbx.ops().hangup(channel, cause);
    }

    private void noAnswer() {
        if (over) {
            return;
        }
        finish();
        pbx.events().publish(call.agentEvent("AgentRingNoAnswer", this)
                .add("RingTime", pbx.channels().nowMillis() - startedAt).build());
        dialEnd("NOANSWER");
        dialEnd("CANCEL");
        pbx.ops().hangup(channel, HangupCause.NOT_DEFINED);
        call.attemptEnded(this);
    }

    @Override
    public void ringing(Channel ch) {
        if (!over) {
            pbx.events().dial("DialState", call.caller.snapshot(), ch.snapshot(), "DialStatus", "RINGING");
        }
    }

    @Override
    public void answered(Channel ch) {
        if (!over) {
            finish();
            member.ringing = false;
            call.connect(this);
        }
    }

    @Override
    public void busy(Channel ch, boolean congestion) {
        if (over) {
            return;
        }
        finish();
        dialEnd(congestion ? "CONGESTION" : "BUSY");
        pbx.ops().hangup(channel, HangupCause.NOT_DEFINED);
        call.attemptEnded(this);
    }

    @Override
    public void hangupRequested(Channel ch, int cause) {
        if (!over) {
            finish();
            dialEnd(cause == HangupCause.USER_BUSY ? "BUSY" : "NOANSWER");
            pbx.ops().hangup(channel, cause);
            call.attemptEnded(this);
        } else {
            pbx.ops().hangup(channel, cause);
        }
    }

    @Override
    public void channelHungUp(Channel ch) {
        if (!over) {
            finish();
            call.attemptEnded(this);
        }
    }
}
