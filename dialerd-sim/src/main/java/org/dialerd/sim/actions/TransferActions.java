package org.dialerd.sim.actions;

import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.pbx.AttendedTransfer;
import org.dialerd.sim.pbx.Bridge;
import org.dialerd.sim.pbx.Bridges;
import org.dialerd.sim.pbx.Channel;

/**
 * BlindTransfer (the transferer's bridge peer goes to Context/Exten, the transferer is hung up),
 * Atxfer and CancelAtxfer (see {@link AttendedTransfer}).
 */
final class TransferActions {

    private TransferActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("blindtransfer", TransferActions::blindTransfer);
        m.put("atxfer", TransferActions::atxfer);
        m.put("cancelatxfer", TransferActions::cancelAtxfer);
    }

    static void blindTransfer(ActionContext ctx) {
        Optional<Channel> found = ctx.pbx().channels().find(ctx.header("Channel"));
        if (found.isEmpty()) {
            ctx.error("No such channel");
            return;
        }
        Channel transferer = found.get();
        Bridge bridge = transferer.bridge();
        Channel transferee = bridge == null ? null
                : bridge.channels().stream().filter(c -> c != transferer).findFirst().orElse(null);
        if (transferee == null) {
            ctx.error("Transfer failed");
            return;
        }
        String context = ctx.header("Context");
        String exten = ctx.header("Exten");
        ctx.success("Transfer succeeded");
        // The transferer comes off hold first, then the transfer is announced; app_queue
        // completes its call (Reason transfer) before the transferee moves on.
        ctx.pbx().events().channelEvent("Unhold", transferer);
        ctx.pbx().events().publish(ctx.pbx().events().call("BlindTransfer").add("Result", "Success")
                .addAll(transferer.snapshot().fields("Transferer")).addAll(transferee.snapshot().fields("Transferee"))
                .addAll(Bridges.fields(bridge)).add("IsExternal", "Yes").add("Context", context)
                .add("Extension", exten).build());
        ctx.pbx().bridges().blindTransfer(bridge, transferer);
        ctx.pbx().runner().redirect(transferee, context, exten, 1);
    }

    static void atxfer(ActionContext ctx) {
        Optional<Channel> ch = ctx.pbx().channels().find(ctx.header("Channel"));
        if (ch.isEmpty()) {
            ctx.error("No such channel");
            return;
        }
        if (ctx.header("Exten").isEmpty()) {
            ctx.error("No extension specified");
            return;
        }
        if (ch.get().bridge() == null) {
            ctx.error("Channel is not bridged");
            return;
        }
        ctx.success("Atxfer successfully queued");
        AttendedTransfer.start(ctx.pbx(), ch.get(), ctx.header("Exten"), ctx.header("Context"));
    }

    static void cancelAtxfer(ActionContext ctx) {
        Optional<Channel> ch = ctx.pbx().channels().find(ctx.header("Channel"));
        if (ch.isEmpty()) {
            ctx.error("No such channel");
            return;
        }
        AttendedTransfer t = ch.get().transfer();
        if (t == null) {
            ctx.error("No attended transfer in progress");
            return;
        }
        ctx.success("CancelAtxfer successfully queued");
        t.cancel();
    }
}
