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
    /** Rows read per campaign and statement. */
    static final int CANDIDATE_ROWS = 200;

    static DialerReading read(OutgoingCallStore store) {
        List<OutgoingCallStore.Campaign> campaigns = store.activeCampaigns();
        Map<Integer, List<CandidateCall>> candidates = new HashMap<>();
        Map<Integer, List<OutgoingCallStore.ScheduledCall>> scheduled = new HashMap<>();
        for (OutgoingCallStore.Campaign c : campaigns) {
            candidates.put(c.id(), store.candidates(c.id(), c.retries(), CANDIDATE_ROWS));
            scheduled.put(c.id(), store.scheduledCalls(c.id(), c.retries(), CANDIDATE_ROWS));
        }
        return new DialerReading(campaigns, candidates, scheduled, new DoNotCallList(store.doNotCall()),
                store.campaignOptions());
    }
}
