package org.dialerd.core.engine;

import java.time.LocalDateTime;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;

/** A campaign call's call_progress_log rows and callprogress events. Engine thread only. */
final class OutboundProgress {
    private final AgentEngine engine;
    private final EngineWrites writes;

    OutboundProgress(AgentEngine engine, EngineWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    /** Writes the call_progress_log row and sends callprogress; returns the row's id. */
    long progress(OutboundCall call, String status, Integer agentId, Long duration, LocalDateTime when) {
        String uniqueId = call.answered == null && call.joined == null ? null : call.uniqueId;
        long logId = writes.newId(IdTable.CALL_PROGRESS_LOG);
        writes.write(new JournalRecord.Progress(logId, false, call.campaignId, call.callId, status, call.retry,
                uniqueId, call.trunk, agentId, duration, when));
        engine.emit(new AgentEvent.CallProgress(call.agent == null ? null : call.agent.number(), when,
                OutboundDialer.OUTGOING, call.campaignId, call.callId, status, call.retry, uniqueId, call.trunk,
                call.phone, call.queue));
        return logId;
    }
}
