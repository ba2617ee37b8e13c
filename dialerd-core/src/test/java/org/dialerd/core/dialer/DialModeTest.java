package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialModeTest {
    @Test
    void readsTheColumnsWordInAnyCaseAndWritesItLowerCase() {
        assertEquals(DialMode.PREDICTIVE, DialMode.of(" Predictive "));
        assertEquals("preview", DialMode.PREVIEW.word());
    }

    @Test
    void refusesAnUnknownWordNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DialMode.of("psychic"));
        assertEquals("unknown dial_mode 'psychic' (reference, progressive, predictive, preview)", e.getMessage());
    }

    @Test
    void optionsRefuseATargetOutsidePercentAndANegativeWrapup() {
        assertThrows(IllegalArgumentException.class,
                () -> new CampaignOptions(DialMode.PREDICTIVE, 101, Optional.empty(), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new CampaignOptions(DialMode.PREDICTIVE, 3, Optional.empty(), Duration.ofSeconds(-1)));
        assertEquals(DialMode.REFERENCE, CampaignOptions.DEFAULTS.mode());
    }
}
