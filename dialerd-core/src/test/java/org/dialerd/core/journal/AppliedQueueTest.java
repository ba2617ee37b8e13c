package org.dialerd.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AppliedQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static JournalEntry entry(long seq) {
        return new JournalEntry(seq, 0, new JournalRecord.CampaignStatus((int) seq, "A"));
    }

    /** The applier's wait for a batch, on another thread, with a timeout no test reaches. */
    private static CompletableFuture<List<JournalEntry>> applierWaitingOn(AppliedQueue queue) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return queue.awaitBatch(Duration.ofMinutes(10), 10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theApplierTakesRecoveredRecordsFirstThenTheNewOnesInOrder() throws Exception {
        AppliedQueue queue = new AppliedQueue(List.of(entry(1), entry(2)));
        queue.add(entry(3));

        assertEquals(List.of(1L, 2L), queue.awaitBatch(Duration.ZERO, 2).stream().map(JournalEntry::seq).toList());
        assertEquals(3, queue.size());
        queue.markApplied(2);
        assertEquals(List.of(3L), queue.awaitBatch(Duration.ZERO, 10).stream().map(JournalEntry::seq).toList());
        assertEquals(3, queue.oldest().orElseThrow().seq());
    }

    @Test
    void aWaiterForASeqIsToldOnceEverythingUpToItIsApplied() {
        AppliedQueue queue = new AppliedQueue(List.of(entry(1), entry(2), entry(3)));
        CompletableFuture<Void> two = queue.whenApplied(2);
        CompletableFuture<Void> three = queue.whenApplied(3);

        queue.markApplied(1);
        assertFalse(two.isDone());
        queue.markApplied(2);
        assertTrue(two.isDone());
        assertFalse(three.isDone());
        assertTrue(queue.whenApplied(1).isDone(), "already applied: done at once");
        queue.markApplied(3);
        assertTrue(three.isDone());
        assertEquals(0, queue.size());
        assertTrue(queue.oldest().isEmpty());
    }

    @Test
    void anEmptyQueueAnswersNothingAfterItsTimeout() throws Exception {
        assertEquals(List.of(), new AppliedQueue(List.of()).awaitBatch(Duration.ofMillis(1), 10));
    }

    @Test
    void closingWakesTheWaitingApplier() throws Exception {
        AppliedQueue queue = new AppliedQueue(List.of());
        CompletableFuture<List<JournalEntry>> taken = applierWaitingOn(queue);

        queue.close();
        assertEquals(List.of(), taken.get(WAIT.toSeconds(), TimeUnit.SECONDS), "woken long before its 10 minutes");
    }

    @Test
    void aRecordAddedWakesTheWaitingApplier() throws Exception {
        AppliedQueue queue = new AppliedQueue(List.of());
        CompletableFuture<List<JournalEntry>> taken = applierWaitingOn(queue);

        queue.add(entry(7));
        assertEquals(List.of(entry(7)), taken.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }
}
