package org.dialerd.sim.pbx;

/**
 * Dial(Local/...,timeout,opts): rings the target, bridges on answer, continues the dialplan
 * when the call ends unanswered. Used by the transfer contexts.
 */
final class DialApp {

    private final Pbx pbx;

    DialApp(Pbx pbx) {
        this.pbx = pbx;
    }

    void exec(AppRun run) {
        Channel caller = run.channel();
        Channel out = pbx.dialer().create(run.arg(0), caller.linkedid, null, null);
        if (out == null) {
            caller.variables.put("DIALSTATUS", "CHANUNAVAIL");
            run.next();
            return;
        }
        Attempt a = new Attempt(run, out);
        out.owner = a;
        out.application = "AppDial";
        out.applicationData = "(Outgoing Line)";
        // As app_dial does: the callee's caller id is the caller's connected line.
        out.setCaller(caller.connectedNum, caller.connectedName);
        pbx.events().newCallerid(out);
        if (out.localPeer != null) {
            Channel two = out.localPeer;
            two.setCaller(caller.callerNum, caller.callerName);
            two.setConnected(caller.connectedNum, caller.connectedName);
            pbx.events().newCallerid(two);
            pbx.events().newConnectedLine(two);
            pbx.events().localBridge(out, two);
        }
        pbx.events().dial("DialBegin", caller.snapshot(), out.snapshot(), "DialString", run.arg(0));
        int timeout = (int) BasicApps.parseSeconds(run.arg(1));
        if (timeout > 0) {
            run.after(timeout * 1000L, a::noAnswer);
        }
        run.onInterrupt(a::callerGone);
        pbx.dialer().startRemote(out);
    }

    private final class Attempt implements CallProgress {
        private final AppRun run;
        private final Channel out;
        private boolean answered;

        Attempt(AppRun run, Channel out) {
            this.run = run;
            this.out = out;
        }

        void noAnswer() {
            end("NOANSWER", HangupCause.NOT_DEFINED);
        }

        void callerGone() {
            if (!answered) {
                pbx.events().dial("DialEnd", run.channel().snapshot(), out.snapshot(), "DialStatus", "CANCEL");
                pbx.ops().hangup(out, HangupCause.NOT_DEFINED);
            }
        }

        private void end(String status, int cause) {
            pbx.events().dial("DialEnd", run.channel().snapshot(), out.snapshot(), "DialStatus", status);
            out.owner = null;
            pbx.ops().hangup(out, cause);
            run.channel().variables.put("DIALSTATUS", status);
            run.next();
        }

        @Override
        public void ringing(Channel ch) {
            pbx.events().dial("DialState", run.channel().snapshot(), ch.snapshot(), "DialStatus", "RINGING");
        }

        @Override
        public void answered(Channel ch) {
            answered = true;
            Channel caller = run.channel();
            pbx.events().dial("DialEnd", caller.snapshot(), ch.snapshot(), "DialStatus", "ANSWER");
            Bridge b = pbx.bridges().createBasic();
            pbx.bridges().enter(b, ch);
            pbx.bridges().enter(b, caller);
            ch.owner = new BridgedMember(pbx, ch);
            b.listener = (bridge, left) -> {
                Channel other = left == caller ? ch : caller;
                bridge.listener = null;
                if (other.bridge != null) {
                    pbx.bridges().leave(other);
                }
                pbx.bridges().destroy(bridge);
                if (other == ch) {
                    pbx.ops().hangup(ch, HangupCause.NORMAL_CLEARING);
                } else {
                    run.next();
                }
            };
        }

        @Override
        public void busy(Channel ch, boolean congestion) {
            end(congestion ? "CONGESTION" : "BUSY", HangupCause.NOT_DEFINED);
        }

        @Override
        public void hangupRequested(Channel ch, int cause) {
            end("NOANSWER", cause);
        }

        @Override
        public void channelHungUp(Channel ch) {
        }
    }
}
