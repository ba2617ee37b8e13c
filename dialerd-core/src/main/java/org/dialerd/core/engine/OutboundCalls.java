package org.dialerd.core.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.dialer.RunningStats;
import org.dialerd.core.store.OutgoingCallStore;

/**
 * The campaign calls the dialer follows, by the ActionID of their Originate and by the uniqueid
 * dialerd assigned, with what the rounds and the call events share about them: each campaign's
 * talk statistics and the recent answers. Engine thread only.
 */
final class OutboundCalls {
    private final Map<String, OutboundCall> byActionId = new HashMap<>();
    private final Map<String, OutboundCall> byUniqueId = new HashMap<>();
    private final Map<Integer, RunningStats> stats = new HashMap<>();
    final RecentCalls recent = new RecentCalls();
    /** Calls that ended so far; a round whose read predates an ending cannot judge "finished". */
    private long endings;

    void add(OutboundCall call) {
        byActionId.put(call.actionId, call);
        byUniqueId.put(call.uniqueId, call);
    }

    /** The call has ended: no longer followed (counted once). */
    void forget(OutboundCall call) {
        if (!call.ended) {
            endings++;
        }
        call.ended = true;
        byActionId.remove(call.actionId);
        byUniqueId.remove(call.uniqueId);
    }

    OutboundCall byActionId(String actionId) {
        return byActionId.get(actionId);
    }

    OutboundCall byUniqueId(String uniqueId) {
        return byUniqueId.get(uniqueId);
    }

    long endings() {
        return endings;
    }

    /** Calls waiting for their Originate's outcome (by ActionID). */
    int waitingForOriginate() {
        return byActionId.size();
    }

    /** Calls followed by their uniqueid. */
    int followed() {
        return byUniqueId.size();
    }

    Collection<OutboundCall> followedCalls() {
        return byUniqueId.values();
    }

    List<OutboundCall> all() {
        return List.copyOf(byActionId.values());
    }

    List<OutboundCall> liveCalls(int campaignId) {
        return byActionId.values().stream().filter(c -> c.campaignId == campaignId).toList();
    }

    /** Whether the call is being dialled or talked to now. */
    boolean following(long callId) {
        return byActionId.values().stream().anyMatch(c -> c.callId == callId);
    }

    /** The campaign's talk statistics: the columns read at first, then each ended call's. */
    RunningStats talkStats(OutgoingCallStore.Campaign campaign) {
        return stats.computeIfAbsent(campaign.id(), id -> RunningStats.fromColumns(campaign.completed(),
                campaign.meanTalk(), campaign.deviation()));
    }

    RunningStats statsOf(int campaignId) {
        return stats.getOrDefault(campaignId, RunningStats.EMPTY);
    }

    void stats(int campaignId, RunningStats updated) {
        stats.put(campaignId, updated);
    }
}
