package org.dialerd.core.engine;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls dialerd follows that Asterisk no longer has (it restarted, or their hangup was lost
 * while AMI was down) end as if Asterisk had reported their hangup: the call trackers then do
 * what a real Hangup makes them do (final rows, agentunlinked, a hold ended). Only calls
 * already followed when the resync began are judged, against a CoreShowChannels list asked
 * for after that, so a call that starts meanwhile is never taken for a lost one. Engine thread.
 */
final class CallReconciler {
    private static final Logger log = LoggerFactory.getLogger(CallReconciler.class);
    static final String GONE = "gone from Asterisk";

    private final AgentEngine engine;
    /** uniqueid → channel of every call followed when the resync began. */
    private final Map<String, String> followed = new LinkedHashMap<>();

    CallReconciler(AgentEngine engine) {
        this.engine = engine;
        engine.followedCalls(followed::putIfAbsent);
    }

    /**
     * {@code channels}: the CoreShowChannels reply (one item per channel, with its Uniqueid).
     * Returns how many followed calls were gone and ended.
     */
    int apply(PbxReply channels) {
        Set<String> alive = new HashSet<>();
        for (Map<String, String> item : channels.items()) {
            alive.add(item.getOrDefault("Uniqueid", ""));
        }
        int gone = 0;
        for (Map.Entry<String, String> call : followed.entrySet()) {
            if (!alive.contains(call.getKey())) {
                gone++;
                log.info("call {} ({}) is gone from Asterisk: ending it", call.getKey(), call.getValue());
                engine.callEvent(new PbxEvent.Hangup(call.getValue(), call.getKey(), "", 0, GONE));
            }
        }
        if (gone > 0) {
            log.warn("resync: {} of {} followed calls were gone from Asterisk and were ended", gone, followed.size());
        }
        return gone;
    }
}
