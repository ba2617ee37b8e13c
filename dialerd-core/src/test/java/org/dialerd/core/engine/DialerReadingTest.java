package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.core.dialer.CallWindow;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.CandidatePolicy;
import org.dialerd.core.store.OutgoingCallStore;
import org.junit.jupiter.api.Test;

/**
 * What a round reads for the calls to dial now and for the campaign's end, against a store that
 * answers as JdbcOutgoingCallStore's statements do (windows tested at the read's time).
 */
class DialerReadingTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 10, 22, 0);
    private static final CallWindow OPENS_TOMORROW = new CallWindow(NOW.toLocalDate().plusDays(1), null, null, null);
    private static final CallWindow OFFICE_HOURS = new CallWindow(null, null, LocalTime.of(8, 0), LocalTime.of(18, 0));
    private static final CallWindow GONE = new CallWindow(null, NOW.toLocalDate().minusDays(1), null, null);
    private static final OutgoingCallStore.Campaign CAMPAIGN = new OutgoingCallStore.Campaign(1, "c", LocalDate.MIN,
            LocalDate.MAX, LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), 3, null, "from-internal", "8000", 0, null, null,
            null, "A");

    /** Calls of one campaign, read the way the SQL reads them. */
    private static final class WindowedCalls implements OutgoingCallStore {
        final List<CandidateCall> calls = new ArrayList<>();
        final Set<String> doNotCall;
        int laterReads;

        WindowedCalls(Set<String> doNotCall) {
            this.doNotCall = doNotCall;
        }

        WindowedCalls add(int count, CallWindow window) {
            for (int i = 0; i < count; i++) {
                int id = calls.size() + 1;
                calls.add(new CandidateCall(id, "55" + id, null, 0, false, false, window));
            }
            return this;
        }

        @Override
        public List<Campaign> activeCampaigns() {
            return List.of(CAMPAIGN);
        }

        @Override
        public List<CandidateCall> candidates(int campaignId, int retries, LocalDateTime now, int limit) {
            return calls.stream().filter(c -> c.retries() < retries && (c.window().isUnbounded()
                            || c.window().matches(now)))
                    .sorted(Comparator.comparing((CandidateCall c) -> c.window().isUnbounded())
                            .thenComparingLong(CandidateCall::retries).thenComparingLong(CandidateCall::id))
                    .limit(limit).toList();
        }

        @Override
        public List<CandidateCall> laterCandidates(int campaignId, int retries, LocalDateTime now, int limit) {
            laterReads++;
            return calls.stream().filter(c -> c.retries() < retries && !c.window().isUnbounded()
                    && c.window().canMatchFrom(now)).limit(limit).toList();
        }

        @Override
        public List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit) {
            return List.of();
        }

        @Override
        public Set<String> doNotCall() {
            return doNotCall;
        }
    }

    private static DialerReading read(WindowedCalls store) {
        return DialerReading.read(store, NOW, Map.of(), Set.of());
    }

    @Test
    void callsWithoutAWindowAreReadWhileMoreWindowedCallsThanTheReadAreClosed() {
        WindowedCalls store = new WindowedCalls(Set.of()).add(300, OPENS_TOMORROW).add(200, OFFICE_HOURS).add(5,
                CallWindow.NONE);
        DialerReading reading = read(store);
        List<CandidateCall> read = reading.candidates().get(1);
        assertEquals(List.of(501L, 502L, 503L, 504L, 505L), read.stream().map(CandidateCall::id).toList());
        assertEquals(5, CandidatePolicy.select(read, 3, NOW, reading.doNotCall(), List.of(), 10).chosen().size());
        assertFalse(reading.nothingLeft(CAMPAIGN, NOW));
        assertEquals(0, store.laterReads, "calls to dial now: the end is not asked");
    }

    @Test
    void aCampaignWhoseWindowsOpenLaterIsNotFinished() {
        assertFalse(read(new WindowedCalls(Set.of()).add(10, OPENS_TOMORROW)).nothingLeft(CAMPAIGN, NOW));
        assertFalse(read(new WindowedCalls(Set.of()).add(10, OFFICE_HOURS)).nothingLeft(CAMPAIGN, NOW),
                "open again tomorrow at 08:00");
        assertFalse(read(new WindowedCalls(Set.of()).add(250, GONE).add(250, OPENS_TOMORROW))
                .nothingLeft(CAMPAIGN, NOW), "a full read of the calls that open later");
    }

    @Test
    void aCampaignWhoseWindowsHaveAllPassedIsFinishedUnlessCallsWithoutAWindowAreLeft() {
        assertTrue(read(new WindowedCalls(Set.of()).add(250, GONE)).nothingLeft(CAMPAIGN, NOW));
        assertFalse(read(new WindowedCalls(Set.of()).add(250, GONE).add(3, CallWindow.NONE))
                .nothingLeft(CAMPAIGN, NOW));
    }

    @Test
    void aCampaignWhoseLeftCallsAreAllOnDoNotCallIsFinishedOnlyWhenTheReadWasComplete() {
        Set<String> all = new java.util.HashSet<>();
        for (int id = 1; id <= 300; id++) {
            all.add("55" + id);
        }
        assertTrue(read(new WindowedCalls(all).add(50, CallWindow.NONE)).nothingLeft(CAMPAIGN, NOW));
        assertFalse(read(new WindowedCalls(all).add(300, CallWindow.NONE)).nothingLeft(CAMPAIGN, NOW),
                "200 rows read of 300: the rest may be dialable");
    }
}
