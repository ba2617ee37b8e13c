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
        // As app_dial does: the callee's caller id number is the caller's extension (name from
        // the caller's connected line), its connected line is the caller, and it shows the
        // caller's extension as its own until it runs anything.
        out.setCaller(caller.exten, caller.connectedName);
        out.setConnected(caller.callerNum, caller.callerName);
        out.exten = caller.exten;
        pbx.events().newCallerid(out);
        pbx.events().newConnectedLine(out);
        if (out.localPeer != null) {
            Channel two = out.localPeer;
            two.setCaller(caller.callerNum, caller.callerName);
            two.setConnected(out.callerNum, out.callerName);
            pbx.events().newCallerid(two);
            pbx.events().newConnectedLine(two);
            pbx.events().localBridge(out, two);
        }
        // DialString is what follows the technology ("1001@agents").
        String dialString = run.arg(0).substring(run.arg(0).indexOf('/') + 1);
        pbx.events().dial("DialBegin", caller.snapshot(), out.snapshot(), "DialString", dialString);
        int timeout = (int) BasicApps.parseSeconds(run.arg(1));
        if (timeout > 0) {
            run.after(timeout * 1000L, a::noAnswer);
        }
        run.onInterrupt(a::callerGone);
        // The dialed far end starts on its own thread: it acts after what called this Dial()
        // (an attended transfer moving channels into its bridge) has finished.
        pbx.scheduler().schedule(0, () -> {
            if (!out.hungUp) {
                pbx.dialer().startRemote(out);
            }
        });
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
            // app_dial passes the ringing on to a caller that is not answered yet.
            Channel caller = run.channel();
            if (caller.state != ChannelState.UP && caller.name.endsWith(";2")) {
                pbx.locals().ringing(caller);
            }
        }

        @Override
        public void answered(Channel ch) {
            answered = true;
            Channel caller = run.channel();
            // From the answer on the callee's snapshot no longer carries the caller's extension.
            ch.exten = "";
            pbx.events().dial("DialEnd", caller.snapshot(), ch.snapshot(), "DialStatus", "ANSWER");
            if (caller.state != ChannelState.UP) {
                pbx.locals().answer(caller);
            }
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
