package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dialerd.ami.AmiEventLog;
import org.dialerd.core.settings.DaemonSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogLevelsTest {
    private static final Logger engine = LoggerFactory.getLogger("org.dialerd.core.engine.OutboundDialer");
    private static final Logger predictor = LoggerFactory.getLogger("org.dialerd.core.dialer.Predictor");
    private static final Logger events = LoggerFactory.getLogger(AmiEventLog.LOGGER_NAME);

    @AfterEach
    void restore() {
        LogLevels.configured().apply(DaemonSettings.DEFAULTS);
    }

    @Test
    void dialerDebugPutsTheEngineAndTheDialerAtDebugAndBack() {
        assertFalse(engine.isDebugEnabled());
        LogLevels.configured().apply(DaemonSettings.fromValorConfig(Map.of("dialer.debug", "1")));
        assertTrue(engine.isDebugEnabled());
        assertTrue(predictor.isDebugEnabled());
        assertFalse(events.isDebugEnabled(), "AMI events stay off");
        LogLevels.configured().apply(DaemonSettings.fromValorConfig(Map.of("dialer.debug", "0")));
        assertFalse(engine.isDebugEnabled());
    }

    @Test
    void allEventsPutsOnlyTheAmiEventLogAtDebug() {
        LogLevels.configured().apply(DaemonSettings.fromValorConfig(Map.of("dialer.allevents", "1")));
        assertTrue(events.isDebugEnabled());
        assertFalse(engine.isDebugEnabled());
        LogLevels.configured().apply(DaemonSettings.DEFAULTS);
        assertFalse(events.isDebugEnabled());
        assertEquals("INFO", ((ch.qos.logback.classic.Logger) events).getLevel().toString(),
                "back to the level logback.xml gives it");
    }
}
