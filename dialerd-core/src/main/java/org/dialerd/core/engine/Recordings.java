package org.dialerd.core.engine;

import java.util.HashMap;
import java.util.Map;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;

/**
 * call_recording rows from MixMonitor: Asterisk announces the file (VarSet
 * MIXMONITOR_FILENAME) just before MixMonitorStart. A recording of the customer's channel
 * belongs to that call; one of the agent's leg to the call the agent is on. Engine thread.
 */
final class Recordings {
    private static final String FILENAME = "MIXMONITOR_FILENAME";

    private final AgentEngine engine;
    private final EngineWrites writes;
    private final Map<String, String> files = new HashMap<>();

    Recordings(AgentEngine engine, EngineWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void handle(PbxEvent event) {
        if (event instanceof PbxEvent.VarSet e && FILENAME.equals(e.variable())) {
            files.put(e.uniqueId(), e.value());
        } else if (event instanceof PbxEvent.MixMonitorStart e) {
            started(e);
        } else if (event instanceof PbxEvent.Hangup e) {
            files.remove(e.uniqueId());
        }
    }

    private void started(PbxEvent.MixMonitorStart e) {
        String file = files.remove(e.uniqueId());
        var when = engine.now();
        for (AgentState state : engine.states()) {
            boolean customer = state.call != null && state.call.uniqueId.equals(e.uniqueId())
                    || state.outboundCall != null && state.outboundCall.uniqueId.equals(e.uniqueId());
            boolean agentLeg = state.memberInterface != null && e.channel().startsWith(state.memberInterface + "-")
                    && (state.call != null || state.outboundCall != null);
            if (!customer && !agentLeg) {
                continue;
            }
            LiveCall incoming = state.call;
            OutboundCall outgoing = state.outboundCall;
            writes.write(new JournalRecord.Recording(writes.newId(IdTable.CALL_RECORDING),
                    incoming == null ? null : incoming.id, outgoing == null ? null : outgoing.callId,
                    e.uniqueId(), e.channel(), file, when));
            return;
        }
    }
}
