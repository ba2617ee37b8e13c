package org.dialerd.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.store.CampaignStatusStore;
import org.dialerd.core.store.CampaignStatusStore.CallState;
import org.dialerd.core.store.CampaignStatusStore.CallSummary;
import org.dialerd.core.store.OutgoingCallStore;
import org.dialerd.core.store.StoreException;
import org.junit.jupiter.api.Test;

class CampaignProgressTest {
    private boolean databaseDown;
    /** Reads of the database: active campaigns and campaign summaries. */
    private int reads;
    private Map<CallState, Long> counts = Map.of(CallState.PENDING, 70L, CallState.SUCCESS, 12L,
            CallState.SHORT_CALL, 3L, CallState.FAILURE, 5L, CallState.NO_ANSWER, 6L, CallState.ABANDONED, 2L,
            CallState.PLACING, 2L);

    private final OutgoingCallStore campaigns = new OutgoingCallStore() {
        @Override
        public List<Campaign> activeCampaigns() {
            reads++;
            if (databaseDown) {
                throw new StoreException("connection refused", null);
            }
            return List.of(new Campaign(1, "Demo", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1),
                    LocalTime.MIDNIGHT, LocalTime.MAX, 3, null, "from-internal", "8000", 4, null, null, null, "A"));
        }

        @Override
        public List<CandidateCall> candidates(int campaignId, int retries, LocalDateTime now, int limit) {
            return List.of();
        }

        @Override
        public List<CandidateCall> laterCandidates(int campaignId, int retries, LocalDateTime now, int limit) {
            return List.of();
        }

        @Override
        public List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit) {
            return List.of();
        }

        @Override
        public Set<String> doNotCall() {
            return Set.of();
        }
    };

    private final CampaignStatusStore statuses = new CampaignStatusStore() {
        @Override
        public Optional<CallSummary> outgoingCampaign(long campaignId, Optional<LocalDateTime> since) {
            reads++;
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return Optional.of(new CallSummary("8000", total, counts, Durations.NONE, List.of()));
        }

        @Override
        public Optional<CallSummary> incomingCampaign(long campaignId, Optional<LocalDateTime> since) {
            return Optional.empty();
        }

        @Override
        public CallSummary incomingQueue(String queue, Optional<LocalDateTime> since) {
            throw new AssertionError("not read");
        }
    };

    private final CampaignProgress progress = new CampaignProgress(campaigns, statuses);

    @Test
    void countsPendingPlacedAnsweredAndFailedNumbersOfEachActiveCampaign() {
        progress.refresh();

        assertEquals(List.of(new CampaignProgress.Progress(1, "Demo", "8000", 70, 30, 15, 13)), progress.last());
    }

    @Test
    void keepsTheLastFiguresWhileTheDatabaseIsDown() {
        progress.refresh();
        databaseDown = true;
        counts = Map.of();

        progress.refresh();

        assertEquals(70, progress.last().get(0).pending());
    }

    /**
     * Issue 10 item 5: "no polling of the database per browser". Every wallboard's
     * {@code GET /api/v1/wallboard} reads {@link CampaignProgress#last()}; only the one
     * background refresh (every 5 s) reads the database, however many readers there are.
     */
    @Test
    void readersGetTheLastFiguresWithoutReadingTheDatabase() {
        progress.refresh();
        int afterRefresh = reads;
        assertEquals(2, afterRefresh, "one list of active campaigns, one summary per campaign");
        for (int browser = 0; browser < 500; browser++) {
            assertEquals(70, progress.last().get(0).pending());
        }
        assertEquals(afterRefresh, reads, "500 readers, no read");
    }
}
