package org.dialerd.it.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.dialerd.core.store.CampaignStore;
import org.dialerd.core.store.CampaignStore.CampaignQuery;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.Page;
import org.dialerd.core.store.reference.CachedCampaignStore;
import org.dialerd.core.store.reference.ReferenceData;
import org.dialerd.core.store.reference.ReferenceTable;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcCampaignStore;
import org.dialerd.db.store.JdbcReferenceSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The campaign answers from memory are the database's answers: every campaign, list filter,
 * page and queue script of JdbcCampaignStoreIT's data read both ways and compared; and the
 * fingerprints on a real MariaDB see a plain SQL edit and only that table is read again.
 */
class CachedCampaignStoreIT {
    private static DataSource dataSource;
    private static CampaignStore database;
    private static ReferenceData data;
    private static CampaignStore cached;

    @BeforeAll
    static void load() {
        dataSource = JdbcCampaignStoreIT.seeded();
        Jdbc jdbc = new Jdbc(dataSource);
        database = new JdbcCampaignStore(jdbc);
        data = new ReferenceData(new JdbcReferenceSource(jdbc));
        assertEquals(EnumSet.allOf(ReferenceTable.class), data.refresh());
        cached = new CachedCampaignStore(data, database);
    }

    @Test
    void everyCampaignReadsTheSameFromMemoryAsFromTheDatabase() {
        for (CampaignType type : CampaignType.values()) {
            for (long id = -1; id <= 60; id++) {
                assertEquals(database.findCampaign(type, id), cached.findCampaign(type, id), type + " " + id);
            }
        }
    }

    @Test
    void everyListFilterAndPageGivesTheDatabasesRows() {
        List<Optional<String>> names = List.of(Optional.empty(), Optional.of("camp"), Optional.of("NULAS"),
                Optional.of("a"), Optional.of("Campaña"), Optional.of("10%"), Optional.of(""));
        List<Optional<String>> statuses = List.of(Optional.empty(), Optional.of("I"), Optional.of("T"));
        List<Optional<String>> dates = List.of(Optional.empty(), Optional.of("2025-01-01"), Optional.of("2026-01-01"),
                Optional.of("2026-10-01"), Optional.of("2026-02-30"));
        List<Page> pages = List.of(Page.ALL, Page.of(2, 2), Page.of(1, Long.MAX_VALUE));
        List<Set<CampaignType>> types = List.of(EnumSet.allOf(CampaignType.class), Set.of(CampaignType.INCOMING),
                Set.of(CampaignType.OUTGOING));
        int compared = 0;
        for (Set<CampaignType> type : types) {
            for (Optional<String> name : names) {
                for (Optional<String> status : statuses) {
                    for (Optional<String> from : dates) {
                        for (Optional<String> before : List.of(Optional.<String>empty(), Optional.of("2026-10-01"))) {
                            for (Page page : pages) {
                                CampaignQuery query = new CampaignQuery(type, name, status, from, before, page);
                                assertEquals(database.findCampaigns(query), cached.findCampaigns(query),
                                        query.toString());
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(compared > 1000, compared + " queries");
    }

    @Test
    void queueScriptsAndQueuePagesAreTheDatabases() {
        for (String queue : List.of("8050", "8001", "8002", "0", "9999")) {
            assertEquals(database.findQueueScript(queue), cached.findQueueScript(queue), queue);
        }
        for (Page page : List.of(Page.ALL, Page.of(0, 2), Page.of(4, 10), Page.of(9, 1))) {
            assertEquals(database.findIncomingQueues(page), cached.findIncomingQueues(page), page.toString());
        }
    }

    @Test
    void aPlainSqlEditIsSeenAtTheNextRefreshAndOnlyItsTableIsRead() {
        assertEquals(Set.of(), data.refresh(), "nothing changed");
        new Jdbc(dataSource).update("UPDATE queue_call_entry SET script = 'edited' WHERE id = 51");
        assertEquals(Set.of(ReferenceTable.QUEUE_CALL_ENTRY), data.refresh());
        assertEquals(Optional.of("edited"), cached.findQueueScript("8050"));
        new Jdbc(dataSource).update("UPDATE queue_call_entry SET script = 'new' WHERE id = 51");
        assertEquals(Set.of(ReferenceTable.QUEUE_CALL_ENTRY), data.refresh());
    }

    @Test
    void statisticsColumnsDialerdDoesNotReadChangeNoFingerprint() {
        data.refresh();
        new Jdbc(dataSource).update("UPDATE campaign SET num_completadas = 42, promedio = 3 WHERE id = 1");
        assertEquals(Set.of(), data.refresh());
    }

    @Test
    void theFingerprintCheckTakesAFewMilliseconds() {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            data.refresh();
            micros.add(data.lastCheckNanos() / 1000);
        }
        micros.sort(null);
        // Logged for docs/benchmarks.md; the bound only catches a check gone badly wrong (a shared, loaded box).
        System.out.println("reference fingerprint check, 50 runs: median " + micros.get(25) + " µs, max "
                + micros.get(49) + " µs");
        assertTrue(micros.get(25) < 200_000, micros.toString());
    }
}
