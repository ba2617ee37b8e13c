package org.dialerd.core.store.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CampaignOptionsCache;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.store.OutgoingCallStore;
import org.dialerd.core.store.StoreException;
import org.junit.jupiter.api.Test;

class CachedOutgoingCallStoreTest {
    private static final CampaignOptions PROGRESSIVE = new CampaignOptions(DialMode.PROGRESSIVE, 3.0,
            Optional.empty(), Duration.ZERO);
    private static final CampaignOptions PREDICTIVE = new CampaignOptions(DialMode.PREDICTIVE, 2.0,
            Optional.of("safe-harbour,s,1"), Duration.ofSeconds(10));

    /** The database's store: counts the option reads, may be down. */
    private static final class Database implements OutgoingCallStore {
        Map<Integer, CampaignOptions> options = Map.of(1, PROGRESSIVE);
        final List<String> reads = new ArrayList<>();
        boolean down;

        @Override
        public Map<Integer, CampaignOptions> campaignOptions() {
            if (down) {
                throw new StoreException("database down", null);
            }
            reads.add("options");
            return options;
        }

        @Override
        public List<Campaign> activeCampaigns() {
            return List.of();
        }

        @Override
        public List<CandidateCall> candidates(int campaignId, int retries, int limit) {
            reads.add("candidates " + campaignId);
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

    private final FakeReferenceSource source = new FakeReferenceSource();
    private final ReferenceData data = new ReferenceData(source);
    private final Database database = new Database();
    private final CachedOutgoingCallStore store = new CachedOutgoingCallStore(data, database);

    @Test
    void theOptionsComeFromMemoryOnceReadWithNoQueryOfTheirOwn() {
        source.campaignOptions.put(1, PROGRESSIVE);
        data.refresh();
        for (int i = 0; i < 3; i++) {
            assertEquals(Map.of(1, PROGRESSIVE), store.campaignOptions());
        }
        assertEquals(List.of(), database.reads);
        assertEquals(1, source.loads.stream().filter(t -> t == ReferenceTable.CAMPAIGN_OPTIONS).count());
    }

    @Test
    void aWebUiEditShowsAtTheNextRefreshAndAnUnchangedTableIsNotReadAgain() {
        source.campaignOptions.put(1, PROGRESSIVE);
        data.refresh();
        source.campaignOptions.put(1, PREDICTIVE);
        assertEquals(PROGRESSIVE, store.campaignOptions().get(1), "not yet checked");
        source.edited(ReferenceTable.CAMPAIGN_OPTIONS);
        data.refresh();
        assertEquals(PREDICTIVE, store.campaignOptions().get(1));
        source.loads.clear();
        data.refresh();
        assertEquals(List.of(), source.loads);
    }

    @Test
    void beforeTheFirstReadTheDatabaseAnswers() {
        assertEquals(Map.of(1, PROGRESSIVE), store.campaignOptions());
        assertEquals(List.of("options"), database.reads);
    }

    @Test
    void everythingElseIsTheDatabaseStores() {
        data.refresh();
        store.candidates(7, 1, 200);
        assertEquals(List.of("candidates 7"), database.reads);
    }

    @Test
    void theAbandonCountersViewAsksTheStoreAndKeepsTheLastOptionsWhenItFails() {
        CampaignOptionsCache cache = new CampaignOptionsCache(database);
        assertEquals(DialMode.PROGRESSIVE, cache.of(1).mode());
        assertEquals(CampaignOptions.DEFAULTS, cache.of(2));
        database.down = true;
        assertEquals(DialMode.PROGRESSIVE, cache.of(1).mode(), "the last options stay");
        database.down = false;
        database.options = Map.of(1, PREDICTIVE);
        assertEquals(DialMode.PREDICTIVE, cache.of(1).mode());
    }
}
