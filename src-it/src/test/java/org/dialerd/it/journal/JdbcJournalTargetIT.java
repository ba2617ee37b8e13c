package org.dialerd.it.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalEntry;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.journal.RejectedWriteException;
import org.dialerd.db.journal.JdbcIdBlockSource;
import org.dialerd.db.journal.JdbcJournalTarget;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.it.Sql;
import org.junit.jupiter.api.Test;

/** The journal's database side on a real MariaDB: idempotent replay, dead letters, id blocks. */
class JdbcJournalTargetIT {
    private static final String HOST = "test-host-1";
    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 22, 10, 0, 0);

    private final DataSource db = TestDatabases.fresh("sql/demo-data.sql");
    private final JdbcJournalTarget target = new JdbcJournalTarget(db);

    @Test
    void aRecordAppliedTwiceMakesOneRowAndLastSeqAdvancesWithIt() {
        JournalEntry open = new JournalEntry(1, 0, new JournalRecord.AuditOpened(900001, 1, null, T, null));
        assertEquals(0, target.lastApplied(HOST));
        target.apply(HOST, open);
        target.apply(HOST, open); // a replay after a crash between the commit and its acknowledgement
        assertEquals(1, target.lastApplied(HOST));
        assertEquals("1", Sql.value(db, "SELECT COUNT(*) FROM audit WHERE id = 900001"));
        target.apply(HOST, new JournalEntry(2, 0, new JournalRecord.AuditClosed(900001, T.plusSeconds(75), 75)));
        assertEquals("00:01:15", Sql.value(db, "SELECT duration FROM audit WHERE id = 900001"));
        assertEquals(0, target.lastApplied("another-host"), "each journal has its own last_seq");
    }

    @Test
    void aWriteTheDatabaseRefusesForGoodIsRejectedAndLeavesNothingBehind() {
        JournalRecord deletedCampaign = new JournalRecord.IncomingEntered(900002, 1, 999, "555", "SIP/x", "1.1", T);
        RejectedWriteException e = assertThrows(RejectedWriteException.class,
                () -> target.apply(HOST, new JournalEntry(5, 0, deletedCampaign)));
        assertTrue(e.getMessage().contains("seq 5"), e.getMessage());
        assertEquals("0", Sql.value(db, "SELECT COUNT(*) FROM call_entry WHERE id = 900002"));
        assertEquals(0, target.lastApplied(HOST), "rolled back with the record");
        target.skip(HOST, 5);
        assertEquals(5, target.lastApplied(HOST));
    }

    @Test
    void aBatchIsAllOrNothingAndAReplayedBatchMakesNoSecondRow() {
        JournalEntry open = new JournalEntry(11, 0, new JournalRecord.AuditOpened(900011, 1, null, T, null));
        JournalEntry close = new JournalEntry(12, 0, new JournalRecord.AuditClosed(900011, T.plusSeconds(30), 30));
        JournalEntry refused = new JournalEntry(13, 0,
                new JournalRecord.IncomingEntered(900012, 1, 999, "555", "SIP/x", "1.1", T));
        assertThrows(RejectedWriteException.class, () -> target.applyAll(HOST, List.of(open, close, refused)));
        assertEquals("0", Sql.value(db, "SELECT COUNT(*) FROM audit WHERE id = 900011"), "rolled back as a whole");
        assertEquals(0, target.lastApplied(HOST));

        target.applyAll(HOST, List.of(open, close));
        target.applyAll(HOST, List.of(open, close)); // a replay after a crash before the acknowledgement
        assertEquals(12, target.lastApplied(HOST));
        assertEquals("1", Sql.value(db, "SELECT COUNT(*) FROM audit WHERE id = 900011"));
        assertEquals("00:00:30", Sql.value(db, "SELECT duration FROM audit WHERE id = 900011"));
    }

    @Test
    void everyRecordKindAppliesToTheSchema() {
        long seq = 1;
        List<JournalRecord> call = List.of(
                new JournalRecord.IncomingEntered(910001, 1, 1, "042345678", "SIP/prov", "1.7", T),
                new JournalRecord.Progress(910001, true, 1, 910001, "OnQueue", 0, "1.7", "SIP/prov", null, null, T),
                new JournalRecord.IncomingLinked(910001, 910001, 1, 6, "042345678", "1.7", "SIP/prov-1", T, 3),
                new JournalRecord.IncomingHeld(910001, true),
                new JournalRecord.IncomingHeld(910001, false),
                new JournalRecord.Recording(910001, 910001L, null, "1.7", "SIP/1001-1", "/r.wav", T),
                new JournalRecord.IncomingFinished(910001, "1002", T.plusSeconds(40), 40),
                new JournalRecord.IdsReserved(IdTable.AUDIT, 1, 10),
                new JournalRecord.Retired(4)); // read back from an earlier version's journal: applied as nothing
        for (JournalRecord record : call) {
            target.apply(HOST, new JournalEntry(seq++, 0, record));
        }
        assertEquals("terminada", Sql.value(db, "SELECT status FROM call_entry WHERE id = 910001"));
        assertEquals("1002", Sql.value(db, "SELECT transfer FROM call_entry WHERE id = 910001"));
        assertEquals("0", Sql.value(db, "SELECT COUNT(*) FROM current_call_entry WHERE id_call_entry = 910001"));
        assertEquals("1", Sql.value(db, "SELECT COUNT(*) FROM call_recording WHERE id = 910001"));
        assertEquals(call.size(), target.lastApplied(HOST));
    }

    @Test
    void reservedBlocksNameTheirHostAndTheTakeoverReadsOnlyItsOwnRows() {
        target.apply(HOST, new JournalEntry(1, 0, new JournalRecord.IdsReserved(IdTable.AUDIT, 910000, 910099)));
        target.apply("other-host", new JournalEntry(1, 0, new JournalRecord.IdsReserved(IdTable.AUDIT, 910100,
                910199)));
        target.apply(HOST, new JournalEntry(2, 0, new JournalRecord.AuditOpened(910005, 1, null, T, null)));
        target.apply("other-host", new JournalEntry(2, 0, new JournalRecord.AuditOpened(910105, 2, null, T, null)));
        Sql.update(db, "INSERT INTO audit (id, id_agent, datetime_init) VALUES (5000, 3, ?)", T); // the PHP dialerd's
        org.dialerd.core.store.AuditStore audit = org.dialerd.db.store.JdbcStores.over(db).audit();

        assertEquals(List.of("other-host"), target.otherHosts(HOST));
        assertEquals(List.of(910005L), ids(audit.openRows(new org.dialerd.core.store.TakeoverScope(HOST, false))));
        assertEquals(List.of(5000L, 910005L),
                ids(audit.openRows(new org.dialerd.core.store.TakeoverScope(HOST, true))));
        assertEquals(List.of(910105L),
                ids(audit.openRows(new org.dialerd.core.store.TakeoverScope("other-host", false))));
        assertEquals("other-host", Sql.value(db, "SELECT host_id FROM dialerd_id_range WHERE first_id = 910100"));
    }

    private static List<Long> ids(List<org.dialerd.core.store.AuditStore.OpenRow> rows) {
        return rows.stream().map(org.dialerd.core.store.AuditStore.OpenRow::id).filter(id -> id >= 5000).toList();
    }

    @Test
    void idBlocksNeverOverlapAndStepOverRowsInsertedByAutoIncrement() {
        JdbcIdBlockSource blocks = new JdbcIdBlockSource(db);
        long first = blocks.reserve(IdTable.CALL_PROGRESS_LOG, 100);
        long second = blocks.reserve(IdTable.CALL_PROGRESS_LOG, 100);
        assertEquals(first + 100, second);
        long max = Long.parseLong(Sql.value(db, "SELECT COALESCE(MAX(id), 0) FROM call_progress_log"));
        assertTrue(first > max, "the first block starts after the rows already there");
        Sql.value(db, "SELECT 1"); // the web UI (or an old dialerd) inserts with AUTO_INCREMENT:
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO call_progress_log (id, datetime_entry, new_status, retry) VALUES ("
                    + (second + 5000) + ", NOW(), 'x', 0)");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(second + 5001, blocks.reserve(IdTable.CALL_PROGRESS_LOG, 100));
    }
}
