package org.dialerd.sim.pbx;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.ami.AmiMessage;

/**
 * The Atxfer action as bridge features carry it out (features.conf atxfer=*2,
 * atxferabort=*1): the digits are played into the transferer's channel (DTMFEnd, timings as
 * recorded), the transferee is put on hold, then {@code Local/<exten>@<context>} is dialed into a
 * second bridge where the transferer consults the target. The transferer hanging up completes
 * the transfer (BridgeMerge of the target into the original bridge, AttendedTransfer),
 * CancelAtxfer takes the transferer back. An extension that does not exist ends in Unhold.
 */
public final class AttendedTransfer implements CallProgress {

    private static final long STAR_MS = 1;
    private static final long FEATURE_DIGIT_MS = 161;
    private static final long HOLD_MS = 261;
    private static final long FIRST_DIGIT_MS = 322;
    private static final long DIGIT_GAP_MS = 60;
    /** With no such extension the transferer gets the caller back this long after the dial point. */
    private static final long INVALID_TARGET_MS = 6476;

    private final Pbx pbx;
    private final Channel transferer;
    private final Channel transferee;
    private final Bridge orig;
    private final String exten;
    private final String context;
    private Channel target;
    private Bridge second;
    private boolean over;

    private AttendedTransfer(Pbx pbx, Channel transferer, Channel transferee, String exten, String context) {
        this.pbx = pbx;
        this.transferer = transferer;
        this.transferee = transferee;
        this.orig = transferer.bridge;
        this.exten = exten;
        this.context = context;
    }

    /** Starts a transfer; empty if the channel is not talking to anyone in a bridge. */
    public static Optional<AttendedTransfer> start(Pbx pbx, Channel transferer, String exten, String context) {
        Bridge b = transferer.bridge;
        Channel peer = b == null ? null : b.channels.stream().filter(c -> c != transferer).findFirst().orElse(null);
        if (peer == null) {
            return Optional.empty();
        }
        String ctx = context == null || context.isEmpty() ? transferer.context : context;
        AttendedTransfer t = new AttendedTransfer(pbx, transferer, peer, exten, ctx);
        transferer.transfer = t;
        t.schedule();
        return Optional.of(t);
    }

    private void schedule() {
        at(STAR_MS, () -> dtmf('*'));
        at(FEATURE_DIGIT_MS, () -> dtmf('2'));
        at(HOLD_MS, () -> {
            pbx.events().channelEvent("Hold", transferer);
            transferee.mohClass = "default";
            pbx.events().mohStart(transferee, "default");
        });
        for (int i = 0; i < exten.length(); i++) {
            char digit = exten.charAt(i);
            at(FIRST_DIGIT_MS + DIGIT_GAP_MS * i, () -> dtmf(digit));
        }
        at(FIRST_DIGIT_MS + DIGIT_GAP_MS * (exten.length() - 1) + 1, this::dial);
    }

    private void at(long ms, Runnable r) {
        pbx.scheduler().schedule(ms, () -> {
            if (!transferer.hungUp) {
                r.run();
            }
        });
    }

    private void dtmf(char digit) {
        pbx.events().publish(AmiMessage.event("DTMFEnd").add("Privilege", "dtmf,all")
                .addAll(transferer.snapshot().fields()).add("Digit", String.valueOf(digit)).add("DurationMs", "0")
                .add("Direction", "Received").build());
    }

    private void dial() {
        if (pbx.dialplan().find(context, exten).isEmpty()) {
            pbx.scheduler().schedule(INVALID_TARGET_MS, this::giveBack);
            return;
        }
        Channel one = pbx.locals().create(exten, context, transferer.linkedid, null, null);
        target = one;
        one.owner = this;
        second = pbx.bridges().createBasic();
        Channel two = one.localPeer;
        two.setCaller(transferer.callerNum, transferer.callerName);
        pbx.events().newCallerid(two);
        pbx.events().localBridge(one, two);
        // ;1 knows whom it connects to before ;2 runs, but reports it after ;2's first steps.
        one.setConnected(transferer.callerNum, transferer.callerName);
        pbx.dialer().startRemote(one);
        pbx.events().newConnectedLine(one);
        pbx.bridges().enter(second, one);
        consulting(true);
        pbx.bridges().leave(transferer);
        pbx.bridges().enter(second, transferer);
        transferer.setConnected(one.callerNum, one.callerName);
        pbx.events().newConnectedLine(transferer);
        pbx.locals().connectedLineChanged(transferer);
        second.listener = (b, left) -> {
            if (left == transferer && !over) {
                complete();
            }
        };
    }

    private void consulting(boolean started) {
        if (orig.listener != null) {
            orig.listener.consultation(orig, transferer, started);
        }
    }

    /** Invalid target: the transferer gets the caller back. */
    private void giveBack() {
        if (over || transferer.hungUp) {
            return;
        }
        over = true;
        transferer.transfer = null;
        pbx.events().channelEvent("Unhold", transferer);
        pbx.events().mohStop(transferee);
    }

    /** The transferer left the consultation (hung up): the target takes its place. */
    private void complete() {
        over = true;
        transferer.transfer = null;
        second.listener = null;
        pbx.events().mohStop(transferee);
        pbx.events().publish(pbx.events().call("BridgeMerge").addAll(prefixed("To", orig))
                .addAll(prefixed("From", second)).build());
        pbx.bridges().leave(target);
        pbx.bridges().enter(orig, target);
        pbx.events().publish(pbx.events().call("AttendedTransfer").add("Result", "Success")
                .addAll(transferer.snapshot().fields("OrigTransferer")).addAll(prefixed("Orig", orig))
                .addAll(transferer.snapshot().fields("SecondTransferer")).addAll(prefixed("Second", second))
                .addAll(transferee.snapshot().fields("Transferee")).add("IsExternal", "No")
                .add("DestType", "Bridge").add("DestBridgeUniqueid", orig.id).build());
        transferee.setConnected(target.callerNum, target.callerName);
        pbx.events().newConnectedLine(transferee);
        pbx.locals().connectedLineChanged(transferee);
        if (orig.listener != null) {
            orig.listener.attendedTransfer(orig, transferer, target);
        }
        pbx.bridges().destroy(second);
    }

    /** CancelAtxfer: *1 is played, then the transferer returns and the target is hung up. */
    public void cancel() {
        at(STAR_MS, () -> dtmf('*'));
        at(FEATURE_DIGIT_MS, () -> dtmf('1'));
        at(HOLD_MS + 1, () -> {
            if (over || second == null) {
                return;
            }
            over = true;
            transferer.transfer = null;
            second.listener = null;
            pbx.bridges().leave(transferer);
            pbx.bridges().enter(orig, transferer);
            consulting(false);
            pbx.events().mohStop(transferee);
            pbx.events().channelEvent("Unhold", transferer);
            Bridge b = second;
            pbx.bridges().leave(target);
            pbx.bridges().destroy(b);
            pbx.ops().hangup(target, HangupCause.NORMAL_CLEARING);
            transferer.setConnected(transferee.callerNum, transferee.callerName);
            pbx.events().newConnectedLine(transferer);
            pbx.locals().connectedLineChanged(transferer);
        });
    }

    /** Bridge fields under another name: ToBridgeUniqueid, OrigBridgeType, ... */
    private static List<Map.Entry<String, String>> prefixed(String prefix, Bridge b) {
        return Bridges.fields(b).stream().map(e -> Map.entry(prefix + e.getKey(), e.getValue())).toList();
    }

    // --- the dial of the target (no calling channel: DialState/DialEnd carry only Dest*) ---

    @Override
    public void ringing(Channel ch) {
        pbx.events().dial("DialState", null, ch.snapshot(), "DialStatus", "RINGING");
    }

    @Override
    public void answered(Channel ch) {
        pbx.events().dial("DialEnd", null, ch.snapshot(), "DialStatus", "ANSWER");
        ch.owner = new BridgedMember(pbx, ch);
    }

    @Override
    public void busy(Channel ch, boolean congestion) {
        pbx.ops().hangup(ch, HangupCause.NOT_DEFINED);
    }

    @Override
    public void hangupRequested(Channel ch, int cause) {
        pbx.ops().hangup(ch, cause);
    }

    @Override
    public void channelHungUp(Channel ch) {
    }
}
