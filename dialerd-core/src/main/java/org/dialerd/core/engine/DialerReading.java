package org.dialerd.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.DoNotCallList;
import org.dialerd.core.store.OutgoingCallStore;

/**
 * What one dialer round read from the database, off the engine thread, once every earlier write
 * of the engine had reached it: the active campaigns, each one's dialable and agent-scheduled
 * calls, the do-not-call list and the campaigns' options.
 */
record DialerReading(List<OutgoingCallStore.Campaign> campaigns, Map<Integer, List<CandidateCall>> candidates,
                     Map<Integer, List<OutgoingCallStore.ScheduledCall>> scheduled, Set<String> doNotCall,
                     Map<Integer, CampaignOptions> options) {
    /** Fewest rows read per campaign and statement (the reference's). */
    static final int CANDIDATE_ROWS = 200;
    /** Most candidate rows one read takes for one campaign. */
    static final int MAX_CANDIDATE_ROWS = 5_000;

    /**
     * @param rows      candidate rows to read per campaign id (at least {@link #CANDIDATE_ROWS},
     *                  at most {@link #MAX_CANDIDATE_ROWS}); a campaign not in it gets the fewest
     * @param campaignsOnly the campaigns to read; empty: every active campaign
     */
    static DialerReading read(OutgoingCallStore store, Map<Integer, Integer> rows, Set<Integer> campaignsOnly) {
        List<OutgoingCallStore.Campaign> campaigns = store.activeCampaigns().stream()
                .filter(c -> campaignsOnly.isEmpty() || campaignsOnly.contains(c.id())).toList();
        Map<Integer, List<CandidateCall>> candidates = new HashMap<>();
        Map<Integer, List<OutgoingCallStore.ScheduledCall>> scheduled = new HashMap<>();
        for (OutgoingCallStore.Campaign c : campaigns) {
            candidates.put(c.id(), store.candidates(c.id(), c.retries(), rowsFor(rows, c.id())));
            scheduled.put(c.id(), store.scheduledCalls(c.id(), c.retries(), CANDIDATE_ROWS));
        }
        return new DialerReading(campaigns, candidates, scheduled, new DoNotCallList(store.doNotCall()),
                store.campaignOptions());
    }

    static int rowsFor(Map<Integer, Integer> rows, int campaignId) {
        int asked = rows.getOrDefault(campaignId, CANDIDATE_ROWS);
        return Math.max(CANDIDATE_ROWS, Math.min(MAX_CANDIDATE_ROWS, asked));
    }
}
