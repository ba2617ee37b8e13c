package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.CandidatePolicy;
import org.dialerd.core.dialer.DoNotCallList;
import org.dialerd.core.store.OutgoingCallStore;

/**
 * What one dialer round read from the database, off the engine thread, once every earlier write
 * of the engine had reached it: the active campaigns, each one's calls that may be dialled at the
 * read's time {@code at} and its agent-scheduled calls, the do-not-call list and the campaigns'
 * options.
 *
 * <p>{@code later} answers the campaign's end, a question of its own: it holds, only for a
 * campaign whose read of the calls to dial now was complete (fewer rows than asked) and held no
 * call it could dial now, that campaign's calls whose own window is open now or opens later
 * ({@link OutgoingCallStore#laterCandidates}, at most {@link #CANDIDATE_ROWS}). A campaign not in
 * it is not finished by this read.
 */
record DialerReading(LocalDateTime at, List<OutgoingCallStore.Campaign> campaigns,
                     Map<Integer, List<CandidateCall>> candidates,
                     Map<Integer, List<OutgoingCallStore.ScheduledCall>> scheduled, Set<String> doNotCall,
                     Map<Integer, CampaignOptions> options, Map<Integer, List<CandidateCall>> later) {
    /** Fewest rows read per campaign and statement (the reference's). */
    static final int CANDIDATE_ROWS = 200;
    /** Most candidate rows one read takes for one campaign. */
    static final int MAX_CANDIDATE_ROWS = 5_000;

    /**
     * @param at        the dialer's now: the windows are tested at it
     * @param rows      candidate rows to read per campaign id (at least {@link #CANDIDATE_ROWS},
     *                  at most {@link #MAX_CANDIDATE_ROWS}); a campaign not in it gets the fewest
     * @param campaignsOnly the campaigns to read; empty: every active campaign
     */
    static DialerReading read(OutgoingCallStore store, LocalDateTime at, Map<Integer, Integer> rows,
                              Set<Integer> campaignsOnly) {
        List<OutgoingCallStore.Campaign> campaigns = store.activeCampaigns().stream()
                .filter(c -> campaignsOnly.isEmpty() || campaignsOnly.contains(c.id())).toList();
        DoNotCallList doNotCall = new DoNotCallList(store.doNotCall());
        Map<Integer, List<CandidateCall>> candidates = new HashMap<>();
        Map<Integer, List<OutgoingCallStore.ScheduledCall>> scheduled = new HashMap<>();
        Map<Integer, List<CandidateCall>> later = new HashMap<>();
        for (OutgoingCallStore.Campaign c : campaigns) {
            int limit = rowsFor(rows, c.id());
            List<CandidateCall> now = store.candidates(c.id(), c.retries(), at, limit);
            candidates.put(c.id(), now);
            scheduled.put(c.id(), store.scheduledCalls(c.id(), c.retries(), CANDIDATE_ROWS));
            if (now.size() < limit && !CandidatePolicy.hasCallToDialNow(now, c.retries(), at, doNotCall)) {
                later.put(c.id(), store.laterCandidates(c.id(), c.retries(), at, CANDIDATE_ROWS));
            }
        }
        return new DialerReading(at, campaigns, candidates, scheduled, doNotCall, store.campaignOptions(), later);
    }

    static int rowsFor(Map<Integer, Integer> rows, int campaignId) {
        int asked = rows.getOrDefault(campaignId, CANDIDATE_ROWS);
        return Math.max(CANDIDATE_ROWS, Math.min(MAX_CANDIDATE_ROWS, asked));
    }

    /**
     * True when this read shows the campaign has nothing to dial now nor later (the caller adds
     * what the read cannot know: calls in progress, scheduled calls, a call that ended since).
     */
    boolean nothingLeft(OutgoingCallStore.Campaign campaign, LocalDateTime now) {
        List<CandidateCall> openLater = later.get(campaign.id());
        return openLater != null && openLater.size() < CANDIDATE_ROWS
                && CandidatePolicy.isFinished(candidates.getOrDefault(campaign.id(), List.of()), openLater,
                campaign.retries(), now, doNotCall, 0);
    }
}
