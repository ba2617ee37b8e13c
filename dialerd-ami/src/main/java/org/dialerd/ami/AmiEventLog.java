package org.dialerd.ami;

import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * valor_config {@code dialer.allevents}: every AMI event as received, at DEBUG, on its own
 * logger so that it can be switched on without the rest of the daemon's debug output. The
 * server turns the logger's level to DEBUG while the setting is 1.
 */
public final class AmiEventLog {
    /** The logger every received AMI event goes to. */
    public static final String LOGGER_NAME = "org.dialerd.ami.events";

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

    private AmiEventLog() {
    }

    /** True while every event is logged: then no event is skipped as noise ({@link NoiseEvents}). */
    static boolean enabled() {
        return log.isDebugEnabled();
    }

    /** Called on asterisk-java's event thread: costs one level check when off. */
    static void received(ManagerEvent event) {
        if (log.isDebugEnabled()) {
            log.debug("{}", event);
        }
    }
}
