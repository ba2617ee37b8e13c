package org.dialerd.core.engine;

import java.util.function.BiConsumer;
import org.dialerd.core.pbx.PbxEvent;

/**
 * The engine's call followers, and where a call event goes: recordings, holds, transfers, the
 * incoming queues' calls, the outbound dialer (whose preview and click-to-call start later, so
 * those are volatile). Engine thread, except the volatile fields' reads. Split out of
 * {@link AgentEngine}.
 */
final class CallTrackers {
    final TransferFollower transfers;
    final HoldControl holds;
    /** Null when the engine follows agents only. */
    final InboundCalls inbound;
    volatile OutboundDialer outbound;
    volatile ClickToCall clickToCall;
    volatile Recordings recordings;

    CallTrackers(TransferFollower transfers, HoldControl holds, InboundCalls inbound) {
        this.transfers = transfers;
        this.holds = holds;
        this.inbound = inbound;
    }

    /** Call events go to the call trackers. */
    void handle(PbxEvent event) {
        Recordings recorder = recordings;
        if (recorder != null) {
            recorder.handle(event);
        }
        holds.handle(event);
        transfers.handle(event);
        if (inbound != null) {
            inbound.handle(event);
        }
        OutboundDialer dialer = outbound;
        if (dialer != null) {
            dialer.handle(event);
        }
    }

    /** Every call the trackers follow (uniqueid, channel), for a resync to check against Asterisk. */
    void followed(BiConsumer<String, String> into) {
        if (inbound != null) {
            inbound.followed(into);
        }
        OutboundDialer dialer = outbound;
        if (dialer != null) {
            dialer.followed(into);
        }
        holds.followed(into);
    }

    /** The agent's call went to {@code extension}; its link ends now. */
    void transferred(AgentState state, String extension) {
        OutboundDialer dialer = outbound;
        if (state.call != null && inbound != null) {
            inbound.transferred(state.call, extension);
        } else if (state.outboundCall != null && dialer != null) {
            dialer.transferred(state.outboundCall, extension);
        }
    }

    EngineBacklog backlog() {
        OutboundDialer dialer = outbound;
        return new EngineBacklog(dialer == null ? 0 : dialer.waitingForOriginate(),
                dialer == null ? 0 : dialer.followed(), inbound == null ? 0 : inbound.followed(),
                transfers.followed(), holds.parkedCount());
    }
}
