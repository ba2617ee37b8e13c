package org.dialerd.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dialerd.core.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalApplierTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** A database in memory: applied records, last_seq, and switches for failures. */
    static class MemoryTarget implements JournalTarget {
        final List<JournalEntry> applied = new ArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        long lastSeq;
        int refusedCampaign = -1;

        @Override
        public synchronized long lastApplied(String hostId) {
            if (down.get()) {
                throw new StoreException("database down", null);
            }
            return lastSeq;
        }

        @Override
        public synchronized void apply(String hostId, JournalEntry entry) {
            if (down.get()) {
                throw new StoreException("database down", null);
            }
            if (entry.record() instanceof JournalRecord.CampaignStatus s && s.campaignId() == refusedCampaign) {
                throw new RejectedWriteException("foreign key: campaign " + refusedCampaign + " was deleted", null);
            }
            if (entry.seq() > lastSeq) {
                applied.add(entry);
                lastSeq = entry.seq();
            }
        }

        @Override
        public java.util.List<String> otherHosts(String hostId) {
            return java.util.List.of();
        }

        @Override
        public synchronized void skip(String hostId, long seq) {
            lastSeq = Math.max(lastSeq, seq);
        }

        synchronized List<JournalRecord> records() {
            return applied.stream().map(JournalEntry::record).toList();
        }
    }

    /** Counts transactions: a batch is one, and all or nothing (a refused record rolls it back). */
    static final class BatchingTarget extends MemoryTarget {
        int transactions;

        @Override
        public synchronized void apply(String hostId, JournalEntry entry) {
            transactions++;
            super.apply(hostId, entry);
        }

        @Override
        public synchronized void applyAll(String hostId, List<JournalEntry> entries) {
            for (JournalEntry entry : entries) {
                if (entry.record() instanceof JournalRecord.CampaignStatus s && s.campaignId() == refusedCampaign) {
                    throw new RejectedWriteException("foreign key: campaign " + refusedCampaign + " was deleted", null);
                }
            }
            transactions++;
            entries.stream().filter(e -> e.seq() > lastSeq).forEach(applied::add);
            lastSeq = Math.max(lastSeq, entries.get(entries.size() - 1).seq());
        }
    }

    @Test
    void aBacklogIsAppliedInFewTransactionsAndARefusedRecordStillGoesAloneToTheDeadLetters() throws Exception {
        BatchingTarget target = new BatchingTarget();
        target.refusedCampaign = 250;
        try (Journal journal = Journal.open(JournalSettings.in(dir), Clock.systemUTC())) {
            for (int i = 1; i <= 1000; i++) {
                journal.append(status(i));
            }
            assertTrue(journal.flush(WAIT));
        }
        try (Journal journal = Journal.open(JournalSettings.in(dir), Clock.systemUTC());
             JournalApplier applier = applier(journal, target)) {
            assertTrue(applier.drain(WAIT));
            List<JournalRecord> expected = new ArrayList<>();
            for (int i = 1; i <= 1000; i++) {
                if (i != 250) {
                    expected.add(status(i));
                }
            }
            assertEquals(expected, target.records(), "in order, all but the refused one");
            assertTrue(target.transactions < 1000 / 10 + JournalApplier.BATCH, target.transactions + " transactions");
            assertTrue(Files.readString(dir.resolve("dead-letter.log")).contains("campaignId=250"));
        }
    }

    private static JournalRecord status(int campaign) {
        return new JournalRecord.CampaignStatus(campaign, "A");
    }

    private JournalApplier applier(Journal journal, JournalTarget target) {
        return new JournalApplier(journal, target, new DeadLetters(dir), Duration.ofMillis(1), Duration.ofMillis(20))
                .start();
    }

    @Test
    void appliesInOrderAndSkipsWhatTheDatabaseAlreadyHas() throws Exception {
        MemoryTarget target = new MemoryTarget();
        try (Journal journal = Journal.open(JournalSettings.in(dir), Clock.systemUTC())) {
            for (int i = 1; i <= 5; i++) {
                journal.append(status(i));
            }
            assertTrue(journal.flush(WAIT));
        }
        target.lastSeq = 3; // applied before the crash, but the journal still had them
        try (Journal journal = Journal.open(JournalSettings.in(dir), Clock.systemUTC());
             JournalApplier applier = applier(journal, target)) {
            assertTrue(applier.drain(WAIT));
            assertEquals(List.of(status(4), status(5)), target.records());
            assertEquals(3, applier.skippedCount());
        }
    }

    @Test
    void anOutageDelaysWritesAndKeepsTheirOrder() throws Exception {
        MemoryTarget target = new MemoryTarget();
        target.down.set(true);
        try (Journal journal = Journal.open(JournalSettings.in(dir), Clock.systemUTC());
             JournalApplier applier = applier(journal, target)) {
            for (int i = 1; i <= 50; i++) {
                journal.append(status(i));
            }
            assertTrue(journal.flush(WAIT));
            assertTrue(awaitTrue(applier::paused), "applier reports the pause");
            assertEquals(50, journal.pending());
            target.down.set(false);
            assertTrue(applier.drain(WAIT));
            List<JournalRecord> expected = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                expected.add(status(i));
            }
            assertEquals(expected, target.records());
        }
    }

    @Test
    void aRecordRefusedForGoodGoesToTheDeadLettersAndTheRestIsApplied() throws Exception {
        MemoryTarget target = new MemoryTarget();
        target.refusedCampaign = 2;
        try (Journal journal = Journal.open(JournalSettings.in(dir), Clock.systemUTC());
             JournalApplier applier = applier(journal, target)) {
            journal.append(status(1));
            journal.append(status(2));
            journal.append(status(3));
            assertTrue(applier.drain(WAIT));
            assertEquals(List.of(status(1), status(3)), target.records());
        }
        List<String> lines = Files.readAllLines(dir.resolve(DeadLetters.FILE));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("seq=2 "), lines.get(0));
        assertTrue(lines.get(0).contains("reason=foreign key: campaign 2 was deleted"), lines.get(0));
        assertTrue(lines.get(0).endsWith("record=CampaignStatus[campaignId=2, status=A]"), lines.get(0));
    }

    private static boolean awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
        return false;
    }
}
