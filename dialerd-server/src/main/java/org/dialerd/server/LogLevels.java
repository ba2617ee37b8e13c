package org.dialerd.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dialerd.ami.AmiEventLog;
import org.dialerd.core.settings.DaemonSettings;
import org.slf4j.LoggerFactory;

/**
 * Switches log levels at run time through Logback's API, as valor_config asks:
 * {@code dialer.debug = 1} puts the engine and the dialer at DEBUG, {@code dialer.allevents = 1}
 * puts the AMI event log ({@link AmiEventLog}) at DEBUG. Switched off, each logger gets back the
 * level logback.xml gave it (often none: it then follows its parent, e.g. DIALERD_LOG_LEVEL).
 */
final class LogLevels {
    /** The engine (agents, calls) and the dialer (predictor, candidates). */
    static final List<String> DEBUG_LOGGERS = List.of("org.dialerd.core.engine", "org.dialerd.core.dialer");

    private static LogLevels instance;

    private final LoggerContext context;
    private final Map<String, Level> configured = new LinkedHashMap<>();

    private LogLevels(LoggerContext context) {
        this.context = context;
        for (String name : context == null ? List.<String>of() : names()) {
            configured.put(name, context.getLogger(name).getLevel());
        }
    }

    /**
     * The levels logback.xml set, remembered by the first caller (before any switch, also when
     * several daemons run in one JVM, as in the tests); a no-op when the backend is not Logback.
     */
    static synchronized LogLevels configured() {
        if (instance == null) {
            instance = new LogLevels(LoggerFactory.getILoggerFactory() instanceof LoggerContext logback ? logback
                    : null);
        }
        return instance;
    }

    private static List<String> names() {
        return Stream.concat(DEBUG_LOGGERS.stream(), Stream.of(AmiEventLog.LOGGER_NAME)).toList();
    }

    /** Only warnings and errors from here on (dialerd --check-config prints its own lines). */
    static void quiet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    void apply(DaemonSettings settings) {
        if (context == null) {
            return;
        }
        DEBUG_LOGGERS.forEach(name -> set(name, settings.debug()));
        set(AmiEventLog.LOGGER_NAME, settings.allEvents());
    }

    private void set(String name, boolean debug) {
        Logger logger = context.getLogger(name);
        logger.setLevel(debug ? Level.DEBUG : configured.get(name));
    }
}
