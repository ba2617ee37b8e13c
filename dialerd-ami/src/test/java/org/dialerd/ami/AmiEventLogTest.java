package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AmiEventLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(AmiEventLog.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    @Test
    void everyEventIsLoggedAtDebugWhileTheLoggerIsAtDebug() {
        logger.setLevel(Level.DEBUG);
        AmiEventLog.received(new FullyBootedEvent(this));
        assertEquals(1, appender.list.size());
        assertEquals(Level.DEBUG, appender.list.get(0).getLevel());
        assertTrue(appender.list.get(0).getFormattedMessage().contains("FullyBootedEvent"),
                appender.list.get(0).getFormattedMessage());
    }

    @Test
    void nothingIsLoggedAtInfo() {
        logger.setLevel(Level.INFO);
        AmiEventLog.received(new FullyBootedEvent(this));
        assertEquals(0, appender.list.size());
    }
}
