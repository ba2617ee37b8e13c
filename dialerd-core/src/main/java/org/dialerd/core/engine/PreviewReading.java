package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.store.OutgoingCallStore;

/**
 * What one preview round read, off the engine thread, after the engine's earlier writes: the
 * active preview campaigns and their options, each one's candidates whose window is open at the
 * read's time, every host's live reservations (call id → agent) and the do-not-call list.
 */
record PreviewReading(List<OutgoingCallStore.Campaign> campaigns, Map<Integer, CampaignOptions> options,
                      Map<Integer, List<CandidateCall>> candidates, Map<Integer, Map<Long, String>> reserved,
                      Set<String> doNotCall) {
    /** Candidate rows per preview campaign and round (the reference's read size). */
    static final int CANDIDATE_ROWS = 200;

    static PreviewReading read(OutgoingCallStore store, LocalDateTime at) {
        Map<Integer, CampaignOptions> options = store.campaignOptions();
        List<OutgoingCallStore.Campaign> campaigns = store.activeCampaigns().stream()
                .filter(c -> options.getOrDefault(c.id(), CampaignOptions.DEFAULTS).mode() == DialMode.PREVIEW)
                .toList();
        Map<Integer, List<CandidateCall>> candidates = new HashMap<>();
        Map<Integer, Map<Long, String>> reserved = new HashMap<>();
        for (OutgoingCallStore.Campaign c : campaigns) {
            candidates.put(c.id(), store.candidates(c.id(), c.retries(), at, CANDIDATE_ROWS));
            reserved.put(c.id(), store.previewReservations(c.id(), at));
        }
        return new PreviewReading(campaigns, options, candidates, reserved,
                campaigns.isEmpty() ? Set.of() : store.doNotCall());
    }
}
