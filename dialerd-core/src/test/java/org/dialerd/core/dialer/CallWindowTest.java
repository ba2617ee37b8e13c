package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dialerd.core.testing.CallWindowCases;
import org.junit.jupiter.api.Test;

/** {@link CallWindowCases}, the table the store's SQL is held to as well (JdbcOutgoingCallStoreIT). */
class CallWindowTest {
    @Test
    void isOpenExactlyAtTheMomentsOfTheTable() {
        for (CallWindowCases.Case c : CallWindowCases.ALL) {
            assertEquals(c.openNow(), c.window().matches(c.now()), c.toString());
        }
    }

    @Test
    void canStillOpenExactlyAsTheTableSays() {
        for (CallWindowCases.Case c : CallWindowCases.ALL) {
            assertEquals(c.openFromNow(), c.window().canMatchFrom(c.now()), c.toString());
        }
    }

    /** "Open now" and "open now or later" are two questions, but the first implies the second. */
    @Test
    void aWindowOpenNowCanStillOpen() {
        for (CallWindowCases.Case c : CallWindowCases.ALL) {
            for (CallWindowCases.Case other : CallWindowCases.ALL) {
                if (c.window().matches(other.now())) {
                    assertTrue(c.window().canMatchFrom(other.now()), c.name() + " at " + other.now());
                }
            }
        }
    }
}
