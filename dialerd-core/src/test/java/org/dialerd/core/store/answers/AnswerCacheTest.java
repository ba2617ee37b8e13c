package org.dialerd.core.store.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.core.store.StoreException;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AnswerCache cache = new AnswerCache(now::get);
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String key) {
        return cache.get(key, () -> key + "#" + reads.incrementAndGet());
    }

    private static List<TableStamp> stamps(long callsTime, boolean recent, long callsMaxId) {
        return List.of(new TableStamp("calls", callsTime, recent, callsMaxId), new TableStamp("audit", 5, false, -1));
    }

    private void checkedNow(List<TableStamp> stamps) {
        cache.checked(stamps, now.get());
    }

    @Test
    void servesNothingBeforeTheFirstCheck() {
        assertEquals("a#1", read("a"));
        assertEquals("a#2", read("a"));
        assertFalse(cache.serving());
    }

    @Test
    void aSecondAskWithTheSameArgumentsReadsNothingUntilSomethingChanges() {
        checkedNow(stamps(100, false, 7));
        assertEquals("a#1", read("a"));
        assertEquals("a#1", read("a"));
        assertEquals("b#2", read("b"), "other arguments are another entry");
        checkedNow(stamps(100, false, 7)); // nothing moved
        assertEquals("a#1", read("a"));
        assertEquals(2, cache.hits());
    }

    @Test
    void dialerdsOwnWriteInvalidatesAtOnce() {
        checkedNow(stamps(100, false, 7));
        read("a");
        cache.invalidateAll();
        assertEquals("a#2", read("a"));
    }

    @Test
    void aMovedCommitTimeOrHighestIdInvalidates() {
        checkedNow(stamps(100, false, 7));
        read("a");
        checkedNow(stamps(101, false, 7));
        assertEquals("a#2", read("a"), "commit time moved");
        checkedNow(stamps(101, false, 8));
        assertEquals("a#3", read("a"), "an insert committed (highest id moved)");
    }

    @Test
    void aTableChangedInTheLastSecondsInvalidatesAtEveryCheck() {
        checkedNow(stamps(100, true, 7));
        read("a");
        checkedNow(stamps(100, true, 7)); // same second: a second edit would not move UPDATE_TIME
        assertEquals("a#2", read("a"));
        checkedNow(stamps(100, false, 7)); // the second has passed: an edit now would move it
        assertEquals("a#3", read("a"), "still changed since the last check's stamps said recent");
        checkedNow(stamps(100, false, 7));
        assertEquals("a#3", read("a"));
    }

    @Test
    void anAnswerReadWhileSomethingChangedIsNotKept() {
        checkedNow(stamps(100, false, 7));
        String first = cache.get("a", () -> {
            cache.invalidateAll(); // a journal batch committed during the read
            return "stale";
        });
        assertEquals("stale", first);
        assertEquals("a#1", read("a"));
    }

    @Test
    void stopsServingWhenTheCheckFailsOrIsLate() {
        checkedNow(stamps(100, false, 7));
        read("a");
        now.addAndGet(AnswerCache.FRESHNESS.toNanos() - 1);
        assertEquals("a#1", read("a"));
        now.addAndGet(1);
        assertFalse(cache.serving(), "no check for 1 s: a web UI edit could be missed");
        assertEquals("a#2", read("a"));
        checkedNow(stamps(100, false, 7));
        assertTrue(cache.serving());
        assertEquals("a#2", read("a"));

        assertThrows(StoreException.class, () -> cache.check(() -> {
            throw new StoreException("down", null);
        }));
        assertFalse(cache.serving());
        assertEquals("a#3", read("a"));
        checkedNow(stamps(100, false, 7));
        assertEquals("a#4", read("a"), "the first check after a failure invalidates: it has nothing to compare with");
    }

    @Test
    void countsEveryCheckThatRanToItsEndSucceededOrFailed() {
        assertEquals(0, cache.checks());
        cache.check(() -> stamps(100, false, 7));
        assertThrows(StoreException.class, () -> cache.check(() -> {
            throw new StoreException("down", null);
        }));
        assertEquals(2, cache.checks());
        checkedNow(stamps(100, false, 7));
        assertEquals(2, cache.checks(), "a result handed in from elsewhere is not a check of this cache's");
    }

    @Test
    void memoryOnlyWorkIsServedAHitAndGetsNotInMemoryForAMissWithoutAnyRead() {
        checkedNow(stamps(100, false, 7));
        read("a");

        assertEquals("a#1", MemoryOnly.call(() -> read("a")));
        assertThrows(MemoryOnly.NotInMemory.class, () -> MemoryOnly.call(() -> read("b")));
        assertEquals(1, reads.get(), "the miss read nothing");
        assertFalse(MemoryOnly.active(), "the mode ends with the work");
        assertEquals("b#2", read("b"), "outside memory-only work the miss reads");
    }

    @Test
    void memoryOnlyWorkGetsNotInMemoryWhileTheCacheDoesNotServe() {
        read("a");
        assertThrows(MemoryOnly.NotInMemory.class, () -> MemoryOnly.call(() -> read("a")),
                "before the first check nothing is served, so nothing is in memory");
        assertEquals(1, reads.get());
    }
}
