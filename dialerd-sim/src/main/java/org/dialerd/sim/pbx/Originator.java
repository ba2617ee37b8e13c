package org.dialerd.sim.pbx;

import java.util.function.Consumer;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.clock.VirtualScheduler.Timer;

/**
 * The Originate action: dials the channel, waits (up to Timeout) for an answer, then runs the
 * dialplan or application on it. OriginateResponse is published only once the outcome is known,
 * with Asterisk's reason codes: 4 answered, 5 busy, 3 no answer, 8 congestion, 0 anything else.
 */
public final class Originator {

    public static final int REASON_FAILED = 0;
    public static final int REASON_NO_ANSWER = 3;
    public static final int REASON_ANSWERED = 4;
    public static final int REASON_BUSY = 5;
    public static final int REASON_CONGESTION = 8;

    private final Pbx pbx;

    Originator(Pbx pbx) {
        this.pbx = pbx;
    }

    /**
     * Starts the call; {@code syncResult} (for Async=false) is told the reason instead of an
     * OriginateResponse event being published.
     */
    public void originate(OriginateRequest req, Consumer<Integer> syncResult) {
        new Call(req, syncResult).start();
    }

    private final class Call implements CallProgress {
        private final OriginateRequest req;
        private final Consumer<Integer> syncResult;
        private Channel one;
        private Timer timeout;
        private boolean decided;

        Call(OriginateRequest req, Consumer<Integer> syncResult) {
            this.req = req;
            this.syncResult = syncResult;
        }

        void start() {
            one = pbx.dialer().create(req.channel(), req.channelId(), req.channelId(), req.otherChannelId());
            if (one == null) {
                decide(REASON_FAILED);
                return;
            }
            one.owner = this;
            for (String v : req.variables()) {
                int eq = v.indexOf('=');
                if (eq > 0) {
                    one.variables.put(v.substring(0, eq), v.substring(eq + 1));
                }
            }
            Channel two = one.localPeer;
            if (two != null) {
                // chan_local's local_call copies the ;1 variables to ;2 (Getvar on ;2 sees ID_CALL).
                two.variables.putAll(one.variables);
            }
            if (req.callerIdNum() != null) {
                one.setCaller(req.callerIdNum(), req.callerIdName());
            }
            pbx.events().newCallerid(one);
            if (req.callerIdNum() != null) {
                one.setConnected(req.callerIdNum(), req.callerIdName());
            }
            pbx.events().newConnectedLine(one);
            if (two != null) {
                two.setCaller(one.callerNum, one.callerName);
                two.setConnected(one.callerNum, one.callerName);
                pbx.events().newCallerid(two);
                pbx.events().newConnectedLine(two);
                if (!pbx.locals().destinationExists(one)) {
                    pbx.locals().failInvalid(one);
                    decide(REASON_FAILED);
                    return;
                }
                two.peerSendsMedia = sendsMedia(req);
                pbx.events().localBridge(one, two);
            }
            pbx.events().dial("DialBegin", null, one.snapshot(), "DialString",
                    req.channel().substring(req.channel().indexOf('/') + 1));
            timeout = pbx.scheduler().schedule(req.timeoutMillis(), this::timedOut);
            pbx.dialer().startRemote(one);
        }

        private void timedOut() {
            if (decided || one.hungUp) {
                return;
            }
            decide(REASON_NO_ANSWER);
            one.owner = null;
            pbx.ops().hangup(one, HangupCause.NO_ANSWER);
        }

        private void decide(int reason) {
            if (decided) {
                return;
            }
            decided = true;
            if (timeout != null) {
                timeout.cancel();
            }
            if (syncResult != null) {
                syncResult.accept(reason);
                return;
            }
            boolean ok = reason == REASON_ANSWERED;
            AmiMessage.Builder b = AmiMessage.event("OriginateResponse").add("Privilege", Events.CALL)
                    .add("ActionID", req.actionId()).add("Response", ok ? "Success" : "Failure")
                    .add("Channel", ok ? one.name : req.channel());
            if (req.hasApplication()) {
                b.add("Application", req.application()).add("Data", req.data());
            } else {
                b.add("Context", req.context()).add("Exten", req.exten());
            }
            String uid = ok ? one.uniqueid : req.channelId() != null && !req.channelId().isEmpty()
                    ? req.channelId() : "<unknown>";
            b.add("Reason", reason).add("Uniqueid", uid)
                    .add("CallerIDNum", req.callerIdNum() != null ? req.callerIdNum() : "<unknown>")
                    .add("CallerIDName", req.callerIdName() != null ? req.callerIdName() : "<unknown>");
            pbx.events().publish(b.build());
        }

        @Override
        public void ringing(Channel ch) {
            pbx.events().dial("DialState", null, ch.snapshot(), "DialStatus", "RINGING");
        }

        @Override
        public void answered(Channel ch) {
            pbx.events().dial("DialEnd", null, ch.snapshot(), "DialStatus", "ANSWER");
            decide(REASON_ANSWERED);
            if (req.hasApplication()) {
                pbx.runner().runApplication(ch, req.application(), req.data() == null ? "" : req.data());
            } else {
                pbx.runner().start(ch, req.context(), req.exten(), Math.max(1, req.priority()));
            }
        }

        @Override
        public void busy(Channel ch, boolean congestion) {
            decide(congestion ? REASON_CONGESTION : REASON_BUSY);
            pbx.events().dial("DialEnd", null, ch.snapshot(), "DialStatus", congestion ? "CONGESTION" : "BUSY");
            ch.owner = null;
            pbx.ops().hangup(ch);
        }

        @Override
        public void hangupRequested(Channel ch, int cause) {
            decide(REASON_FAILED);
            pbx.events().dial("DialEnd", null, ch.snapshot(), "DialStatus", "NOANSWER");
            ch.owner = null;
            pbx.ops().hangup(ch);
        }

        @Override
        public void channelHungUp(Channel ch) {
            decide(REASON_FAILED);
        }
    }

    /**
     * Does what ;1 runs once answered play anything to ;2? Queue() plays music; Wait() and
     * ParkedCall() (retrieval stops the parkee's music) do not, so ;2's Answer() waits 500 ms.
     */
    private boolean sendsMedia(OriginateRequest req) {
        String app = req.hasApplication() ? req.application()
                : pbx.dialplan().find(req.context(), req.exten()).flatMap(e -> e.step(req.priority()))
                        .map(Dialplan.Step::app).orElse("");
        return !app.equalsIgnoreCase("Wait") && !app.equalsIgnoreCase("ParkedCall");
    }
}
