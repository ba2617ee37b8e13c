package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.List;

/**
 * A channel taken out of a two-party bridge by res_parking or a Redirect: the bridge cannot go
 * on, so whoever stays in it is hung up (the recordings' "park/redirect kills the agent leg").
 * The bridge's listener (app_queue) hears about it first, so that it does not take the leave
 * for the end of the call.
 */
final class BridgeExit {

    private BridgeExit() {
    }

    /** Takes {@code ch} out of its bridge; returns who stays in it. */
    static List<Channel> takeOut(Pbx pbx, Channel ch) {
        Bridge old = ch.bridge;
        if (old == null) {
            return List.of();
        }
        List<Channel> others = new ArrayList<>(old.channels);
        others.remove(ch);
        if (old.listener != null) {
            old.listener.takenAway(old, ch);
        }
        pbx.bridges().leave(ch);
        return others;
    }

    /** Everyone left in {@code old} leaves, the bridge goes, they are hung up (cause 16). */
    static void hangUpRest(Pbx pbx, Bridge old, List<Channel> others) {
        for (Channel ch : others) {
            if (ch.bridge == old) {
                pbx.bridges().leave(ch);
            }
        }
        pbx.bridges().destroy(old);
        for (Channel ch : others) {
            pbx.ops().hangup(ch, HangupCause.NORMAL_CLEARING);
        }
    }
}
