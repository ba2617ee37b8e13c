package org.dialerd.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TakeoverScopeTest {
    @Test
    void byDefaultOnlyTheOnlyHostTakesOverRowsOfNoHost() {
        assertTrue(TakeoverScope.of("a", TakeoverScope.Unowned.AUTO, List.of()).unowned());
        assertFalse(TakeoverScope.of("a", TakeoverScope.Unowned.AUTO, List.of("b")).unowned());
    }

    @Test
    void yesAndNoDecideWhateverOtherHostsThereAre() {
        assertTrue(TakeoverScope.of("a", TakeoverScope.Unowned.YES, List.of("b")).unowned());
        assertFalse(TakeoverScope.of("a", TakeoverScope.Unowned.NO, List.of()).unowned());
    }

    @Test
    void readsTheConfigurationWordsAndNamesTheKeyOfABadOne() {
        assertEquals(TakeoverScope.Unowned.NO, TakeoverScope.Unowned.of("no"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TakeoverScope.Unowned.of("maybe"));
        assertEquals("journal.take_over_unowned = 'maybe': expected auto, yes or no", e.getMessage());
    }
}
