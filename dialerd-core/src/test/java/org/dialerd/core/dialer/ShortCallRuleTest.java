package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dialerd.core.settings.DaemonSettings;
import org.junit.jupiter.api.Test;

class ShortCallRuleTest {
    @Test
    void answeredCallShorterThanLlamadaCortaIsShortCall() {
        ShortCallRule rule = ShortCallRule.of(DaemonSettings.DEFAULTS);
        assertEquals(CallStatus.SHORT_CALL, rule.finalStatus(9));
        assertEquals(CallStatus.SUCCESS, rule.finalStatus(10));
    }

    @Test
    void zeroThresholdNeverMakesShortCalls() {
        assertEquals(CallStatus.SUCCESS, new ShortCallRule(0).finalStatus(0));
    }
}
