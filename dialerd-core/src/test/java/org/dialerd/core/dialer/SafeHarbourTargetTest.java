package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeHarbourTargetTest {
    @Test
    void readsContextExtenAndPriority() {
        assertEquals(new SafeHarbourTarget("safe-harbour", "s", 1), SafeHarbourTarget.parse("safe-harbour, s ,1"));
    }

    @Test
    void refusesATargetThatIsNotThreePartsNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeHarbourTarget.parse("safe-harbour,s"));
        assertTrue(e.getMessage().contains("'safe-harbour,s'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SafeHarbourTarget.parse("a,s,x"));
        assertThrows(IllegalArgumentException.class, () -> SafeHarbourTarget.parse("a,s,0"));
        assertThrows(IllegalArgumentException.class, () -> SafeHarbourTarget.parse(",s,1"));
    }
}
