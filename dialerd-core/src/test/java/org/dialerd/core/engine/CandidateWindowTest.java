package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandidateWindowTest {
    private final CandidateWindow<List<Long>> window = new CandidateWindow<>();

    /** What a round would dial from the window: the reading's calls not placed since it began. */
    private List<Long> dialable() {
        return window.current().orElse(List.of()).stream().filter(id -> !window.isPlaced(id)).toList();
    }

    @Test
    void emptyUntilTheFirstReadCompletes() {
        assertEquals(Optional.empty(), window.current());
        assertTrue(window.refillDue());
        window.refillStarted(0);
        assertFalse(window.refillDue());
        assertEquals(Optional.empty(), window.current());
        window.refilled(List.of(1L, 2L, 3L));
        assertTrue(window.refillDue());
        assertEquals(List.of(1L, 2L, 3L), dialable());
    }

    @Test
    void aPlacedCallIsNotTakenAgainFromTheSameReading() {
        window.refillStarted(0);
        window.refilled(List.of(1L, 2L, 3L));
        window.placed(1L);
        window.placed(2L);
        assertEquals(List.of(3L), dialable(), "the next round, same reading");
    }

    @Test
    void aCallPlacedWhileTheReadRanIsNotTakenFromItsRows() {
        window.refillStarted(0);
        window.refilled(List.of(1L, 2L, 3L));
        window.refillStarted(0); // the read began before call 2's Placing reached the database
        window.placed(2L);
        window.refilled(List.of(2L, 3L, 4L)); // so its rows still show call 2 dialable
        assertEquals(List.of(3L, 4L), dialable());
    }

    @Test
    void aCallPlacedBeforeTheReadBeganIsLeftToTheRead() {
        window.refillStarted(0);
        window.refilled(List.of(1L, 2L));
        window.placed(1L);
        window.refillStarted(0); // after call 1's writes: the read reflects them
        window.refilled(List.of(1L, 2L)); // e.g. call 1 failed and may be retried (retries left)
        assertEquals(List.of(1L, 2L), dialable(), "the fresh reading decides");
    }

    @Test
    void aFailedReadKeepsTheWindow() {
        window.refillStarted(0);
        window.refilled(List.of(1L, 2L));
        window.refillStarted(0);
        window.placed(1L);
        window.refillFailed();
        assertTrue(window.refillDue());
        assertEquals(List.of(2L), dialable());
    }

    @Test
    void aReadingIsCurrentOnlyWhenNothingEndedOrWasPlacedSinceItBegan() {
        window.refillStarted(5);
        window.refilled(List.of(1L));
        assertTrue(window.isCurrent(5));
        assertFalse(window.isCurrent(6), "a call ended since: its retry is not in the reading");
        window.placed(1L);
        assertFalse(window.isCurrent(5), "a call placed since");
    }

    @Test
    void aCampaignClosedSinceTheReadingBeganStaysClosedUntilAReadBeginsAfterIt() {
        window.refillStarted(0);
        window.refilled(List.of());
        window.refillStarted(0);
        window.closed(7);
        assertTrue(window.isClosed(7));
        window.refilled(List.of());
        assertTrue(window.isClosed(7), "the read began before the status was written");
        window.refillStarted(0);
        window.refilled(List.of());
        assertFalse(window.isClosed(7));
    }

    @Test
    void oneReadAtATime() {
        assertThrows(IllegalStateException.class, () -> window.refilled(List.of()));
        window.refillStarted(0);
        assertThrows(IllegalStateException.class, () -> window.refillStarted(0));
    }
}
