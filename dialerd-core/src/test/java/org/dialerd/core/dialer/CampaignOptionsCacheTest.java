package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.store.OutgoingCallStore;
import org.dialerd.core.store.StoreException;
import org.dialerd.core.store.answers.TableStamp;
import org.junit.jupiter.api.Test;

/** The shared read of dialerd_campaign_options: read again only when the change check says the table moved. */
class CampaignOptionsCacheTest {
    private static final CampaignOptions PREVIEW = new CampaignOptions(DialMode.PREVIEW, 3.0,
            Optional.empty(), Duration.ZERO, Duration.ofSeconds(30));
    private static final CampaignOptions HARBOUR = new CampaignOptions(DialMode.PREDICTIVE, 3.0,
            Optional.of("safe-harbour,s,1"), Duration.ZERO, Duration.ofSeconds(30));

    private final Table table = new Table();
    private final CampaignOptionsCache cache = new CampaignOptionsCache(table);

    @Test
    void readsAgainOnlyWhenTheTablesStampMovedOrIsRecent() {
        table.options = Map.of(1, PREVIEW);
        cache.checked(List.of(stamp(100, false)));
        assertEquals(1, table.reads, "the first check reads");
        assertEquals(PREVIEW, cache.of(1));

        cache.checked(List.of(stamp(100, false)));
        assertEquals(1, table.reads, "unchanged: from memory");

        table.options = Map.of(1, HARBOUR);
        cache.checked(List.of(stamp(101, true)));
        assertEquals(2, table.reads, "the stamp moved");
        assertEquals(HARBOUR, cache.of(1));
        cache.checked(List.of(stamp(101, true)));
        assertEquals(3, table.reads, "changed in the last seconds: a second edit would not move the stamp");
        cache.checked(List.of(stamp(101, false)));
        assertEquals(4, table.reads, "no longer recent: read once more, as the answer cache does");
        cache.checked(List.of(stamp(101, false)));
        assertEquals(4, table.reads);
        cache.checked(List.of(new TableStamp("calls", 5, true, -1)));
        assertEquals(5, table.reads, "a check without the table cannot vouch for it");
    }

    @Test
    void aReadOfferedByTheDialerShowsAtOnceAndMovesTheVersion() {
        long before = cache.version();
        cache.offer(Map.of(7, HARBOUR));
        assertEquals(HARBOUR, cache.of(7));
        assertEquals(CampaignOptions.DEFAULTS, cache.of(8), "no row: the defaults");
        assertEquals(before + 1, cache.version());
        cache.offer(Map.of(7, HARBOUR));
        assertEquals(before + 1, cache.version(), "the same options: no new version");
        assertEquals(0, table.reads);
    }

    @Test
    void aFailedReadKeepsTheLastOptions() {
        table.options = Map.of(1, PREVIEW);
        cache.refresh();
        table.failing = true;
        cache.checked(List.of(stamp(200, false)));
        assertEquals(PREVIEW, cache.of(1));
    }

    private static TableStamp stamp(long updateTime, boolean recent) {
        return new TableStamp(CampaignOptionsCache.TABLE, updateTime, recent, -1);
    }

    private static final class Table implements OutgoingCallStore {
        Map<Integer, CampaignOptions> options = Map.of();
        int reads;
        boolean failing;

        @Override
        public Map<Integer, CampaignOptions> campaignOptions() {
            reads++;
            if (failing) {
                throw new StoreException("database down", null);
            }
            return options;
        }

        @Override
        public List<Campaign> activeCampaigns() {
            return List.of(new Campaign(1, "c", LocalDate.MIN, LocalDate.MAX, LocalTime.MIDNIGHT, LocalTime.MAX, 1,
                    null, "from-internal", "8000", 0, null, null, null, "A"));
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
    }
}
