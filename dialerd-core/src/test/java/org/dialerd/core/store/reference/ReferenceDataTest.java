package org.dialerd.core.store.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.journal.JournalEntry;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.journal.JournalTarget;
import org.dialerd.core.store.BreakStore.Break;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    private final FakeReferenceSource source = new FakeReferenceSource();
    private final ReferenceData data = new ReferenceData(source);

    @BeforeEach
    void rows() {
        source.agents.add(new Agent(1, AgentType.SIP, "1001", "Ana", true, Optional.of("x")));
        source.breaks.add(new Break(1, "Lunch", "", true, 'B'));
        source.outgoing.add(FakeReferenceSource.outgoing(1, "Ventas", "A", JAN));
    }

    @Test
    void theFirstRefreshReadsEveryTableAndAnUnchangedDatabaseReadsNothingMore() {
        assertEquals(EnumSet.allOf(ReferenceTable.class), data.refresh());
        source.loads.clear();

        assertEquals(Set.of(), data.refresh());
        assertEquals(List.of(), source.loads, "one fingerprint query, no table read");
        assertEquals(2, source.fingerprintQueries);
    }

    @Test
    void aChangedFingerprintReloadsOnlyThatTable() {
        data.refresh();
        source.loads.clear();
        source.outgoing.set(0, FakeReferenceSource.outgoing(1, "Ventas 2027", "A", JAN));
        source.edited(ReferenceTable.CAMPAIGN);

        assertEquals(Set.of(ReferenceTable.CAMPAIGN), data.refresh());
        assertEquals(List.of(ReferenceTable.CAMPAIGN), source.loads);
        assertEquals("Ventas 2027", campaigns().findCampaign(
                org.dialerd.core.store.CampaignStore.CampaignType.OUTGOING, 1).orElseThrow().name());
    }

    @Test
    void nothingIsAnsweredFromMemoryBeforeTheFirstRead() {
        assertTrue(data.snapshotWith(Set.of(ReferenceTable.AGENT)).isEmpty());
        data.refresh();
        assertTrue(data.snapshotWith(Set.of(ReferenceTable.AGENT)).isPresent());
    }

    @Test
    void anOwnWriteSendsReadsToTheDatabaseUntilTheTableIsReadAgain() {
        data.refresh();
        source.loads.clear();
        JournalTarget applied = new ReferenceWrites(new AppliedNowhere(), data);

        applied.apply("host", new JournalEntry(1, 0, new JournalRecord.CampaignStatus(1, "T")));
        assertTrue(data.snapshotWith(Set.of(ReferenceTable.CAMPAIGN)).isEmpty(), "campaign must be read afresh");
        assertTrue(data.snapshotWith(Set.of(ReferenceTable.BREAK)).isPresent(), "other tables still answer");

        // Same fingerprint (a CRC that did not move): the table is read again all the same.
        assertEquals(Set.of(ReferenceTable.CAMPAIGN), data.refresh());
        assertEquals(List.of(ReferenceTable.CAMPAIGN), source.loads);
        assertTrue(data.snapshotWith(Set.of(ReferenceTable.CAMPAIGN)).isPresent());
    }

    @Test
    void campaignStatisticsWrittenByDialerdInvalidateNothing() {
        data.refresh();
        new ReferenceWrites(new AppliedNowhere(), data).apply("host",
                new JournalEntry(2, 0, new JournalRecord.CampaignStats(1, 10, 60, 5)));
        assertTrue(data.snapshotWith(EnumSet.allOf(ReferenceTable.class)).isPresent());
    }

    @Test
    void whileTheDatabaseIsDownTheLastRowsReadAnswer() {
        data.refresh();
        source.down = true;
        source.edited(ReferenceTable.AGENT);

        assertEquals(Set.of(), data.refresh());
        assertEquals(List.of("1001"), new CachedAgentStore(data, null).findAll().stream().map(Agent::number).toList());
        assertEquals(1, new CachedBreakStore(data, null).findByTipo('B').size());

        source.down = false;
        assertEquals(Set.of(ReferenceTable.AGENT), data.refresh(), "the edit made meanwhile is read when it is back");
    }

    private CachedCampaignStore campaigns() {
        return new CachedCampaignStore(data, null);
    }

    /** A journal target that accepts everything. */
    private static final class AppliedNowhere implements JournalTarget {
        @Override
        public long lastApplied(String hostId) {
            return 0;
        }

        @Override
        public void apply(String hostId, JournalEntry entry) {
        }

        @Override
        public void skip(String hostId, long seq) {
        }

        @Override
        public java.util.List<String> otherHosts(String hostId) {
            return java.util.List.of();
        }
    }
}
