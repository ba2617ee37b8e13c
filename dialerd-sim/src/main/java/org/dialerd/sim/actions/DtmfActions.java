package org.dialerd.sim.actions;

import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.pbx.ChanSpyApp;
import org.dialerd.sim.pbx.Channel;

/**
 * PlayDTMF (app_senddtmf's manager action). Sent out to the phone it changes nothing here (no
 * media); with {@code Receive} the channel hears the digit as if its far end keyed it: DTMFBegin
 * and DTMFEnd with Direction Received, and ChanSpy started with {@code d} switches its mode.
 * Not recorded from a real Asterisk 22 (no trace has a PlayDTMF): the messages follow
 * app_senddtmf.c, the events' fields the AMI documentation.
 */
final class DtmfActions {
    /** app_senddtmf's default digit length. */
    private static final String DEFAULT_DURATION_MS = "250";

    private DtmfActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("playdtmf", DtmfActions::playDtmf);
    }

    static void playDtmf(ActionContext ctx) {
        String digit = ctx.header("Digit");
        if (ctx.header("Channel").isEmpty()) {
            ctx.error("Channel not specified");
            return;
        }
        if (digit.isEmpty()) {
            ctx.error("No digit specified");
            return;
        }
        String name = ctx.header("Channel");
        // By name, or by uniqueid as Asterisk's channel lookup also allows.
        Optional<Channel> found = ctx.pbx().channels().find(name).or(() -> ctx.pbx().channels().findByUniqueid(name));
        if (found.isEmpty()) {
            ctx.error("Channel not found");
            return;
        }
        Channel ch = found.get();
        ctx.success("DTMF successfully queued");
        if (ctx.isTrue("Receive")) {
            String duration = ctx.header("Duration").isEmpty() ? DEFAULT_DURATION_MS : ctx.header("Duration");
            ctx.pbx().events().channelEvent("DTMFBegin", ch, "Digit", digit, "Direction", "Received");
            ctx.pbx().events().channelEvent("DTMFEnd", ch, "Digit", digit, "DurationMs", duration,
                    "Direction", "Received");
            ChanSpyApp.dtmfReceived(ch, digit.substring(0, 1));
        }
    }
}
