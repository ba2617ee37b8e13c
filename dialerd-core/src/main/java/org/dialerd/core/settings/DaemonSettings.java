package org.dialerd.core.settings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reference daemon's settings from {@code valor_config} (eccp-supplement.md, "Daemon
 * settings"), each with its default. Validated once: a row with an unusable value fails with
 * its key and value. What each one does is in docs/configuration.md.
 *
 * @param sessionDuration     asterisk.duracion_sesion: seconds after which the AMI session is
 *                            renewed (log off, log in again), 0 = never
 * @param shortCallSeconds    dialer.llamada_corta: answered calls shorter than this are ShortCall
 * @param initialAnswerSeconds dialer.tiempo_contestar: initial mean seconds to answer
 * @param debug               dialer.debug: the engine and the dialer log at DEBUG
 * @param allEvents           dialer.allevents: every AMI event is logged at DEBUG
 * @param qos                 dialer.qos: probability threshold for "about to be free" agents
 * @param originateTimeoutSeconds dialer.timeout_originate: 0 = Asterisk's default
 * @param extraCalls          dialer.forzar_sobrecolocar: calls added to a round that places at
 *                            least one ("Forzar más llamadas por agente"), 0 = none
 * @param dialIntervalSeconds dialer.entretiempo: seconds between dialer rounds; without the row
 *                            {@value #REFERENCE_ROUND_SECONDS}, the mainline reference's fixed interval
 */
public record DaemonSettings(String asteriskHost, String asteriskUser, String asteriskPassword, int sessionDuration,
                             int shortCallSeconds, int initialAnswerSeconds, boolean debug, boolean allEvents,
                             boolean overcommit, double qos, boolean predictive, int originateTimeoutSeconds,
                             int extraCalls, int dialIntervalSeconds) {

    /** The mainline reference dials every 3 s and has no dialer.entretiempo row. */
    public static final int REFERENCE_ROUND_SECONDS = 3;

    public static final DaemonSettings DEFAULTS = new DaemonSettings("127.0.0.1", "", "", 0, 10, 8, false, false,
            false, 0.97, true, 0, 0, REFERENCE_ROUND_SECONDS);

    /** Keys whose value is never logged. */
    static final String PASSWORD_KEY = "asterisk.astpass";

    /** Reads the rows; absent keys keep their defaults, unknown keys are ignored. */
    public static DaemonSettings fromValorConfig(Map<String, String> rows) {
        Reader r = new Reader(rows);
        DaemonSettings d = DEFAULTS;
        return new DaemonSettings(
                r.text("asterisk.asthost", d.asteriskHost()),
                r.text("asterisk.astuser", d.asteriskUser()),
                r.text(PASSWORD_KEY, d.asteriskPassword()),
                r.integer("asterisk.duracion_sesion", d.sessionDuration(), 0),
                r.integer("dialer.llamada_corta", d.shortCallSeconds(), 0),
                r.integer("dialer.tiempo_contestar", d.initialAnswerSeconds(), 0),
                r.flag("dialer.debug", d.debug()),
                r.flag("dialer.allevents", d.allEvents()),
                r.flag("dialer.overcommit", d.overcommit()),
                r.probability("dialer.qos", d.qos()),
                r.flag("dialer.predictivo", d.predictive()),
                r.integer("dialer.timeout_originate", d.originateTimeoutSeconds(), 0),
                r.integer("dialer.forzar_sobrecolocar", d.extraCalls(), 0),
                r.integer("dialer.entretiempo", d.dialIntervalSeconds(), 0));
    }

    /**
     * Time between two dialer rounds. 0 makes the reference fork dial on every pass of its
     * main loop (about once a second); we wait at least a second too.
     */
    public Duration dialInterval() {
        return Duration.ofSeconds(Math.max(1, dialIntervalSeconds));
    }

    /** asterisk.duracion_sesion as a duration; zero = the session is never renewed. */
    public Duration amiSessionDuration() {
        return Duration.ofSeconds(sessionDuration);
    }

    /** Every setting as its valor_config key and text, in the reference's order; the password masked. */
    public Map<String, String> asRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("asterisk.asthost", asteriskHost);
        rows.put("asterisk.astuser", asteriskUser);
        rows.put(PASSWORD_KEY, mask(asteriskPassword));
        rows.put("asterisk.duracion_sesion", String.valueOf(sessionDuration));
        rows.put("dialer.llamada_corta", String.valueOf(shortCallSeconds));
        rows.put("dialer.tiempo_contestar", String.valueOf(initialAnswerSeconds));
        rows.put("dialer.debug", flag(debug));
        rows.put("dialer.allevents", flag(allEvents));
        rows.put("dialer.overcommit", flag(overcommit));
        rows.put("dialer.qos", String.valueOf(qos));
        rows.put("dialer.predictivo", flag(predictive));
        rows.put("dialer.timeout_originate", String.valueOf(originateTimeoutSeconds));
        rows.put("dialer.forzar_sobrecolocar", String.valueOf(extraCalls));
        rows.put("dialer.entretiempo", String.valueOf(dialIntervalSeconds));
        return rows;
    }

    /** The same settings with the AMI login replaced (manager.conf fallback). */
    public DaemonSettings withAmiLogin(String user, String password) {
        return new DaemonSettings(asteriskHost, user, password, sessionDuration, shortCallSeconds,
                initialAnswerSeconds, debug, allEvents, overcommit, qos, predictive, originateTimeoutSeconds,
                extraCalls, dialIntervalSeconds);
    }

    static String mask(String secret) {
        return secret.isEmpty() ? "(empty)" : "***";
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public String toString() {
        return "DaemonSettings" + asRows();
    }

    private record Reader(Map<String, String> rows) {
        Optional<String> value(String key) {
            return Optional.ofNullable(rows.get(key)).map(String::trim);
        }

        String text(String key, String fallback) {
            return Optional.ofNullable(rows.get(key)).orElse(fallback);
        }

        int integer(String key, int fallback, int min) {
            return value(key).map(v -> {
                try {
                    int parsed = Integer.parseInt(v);
                    if (parsed < min) {
                        throw invalid(key, v, "must be at least " + min);
                    }
                    return parsed;
                } catch (NumberFormatException e) {
                    throw invalid(key, v, "not a whole number");
                }
            }).orElse(fallback);
        }

        boolean flag(String key, boolean fallback) {
            return value(key).map(v -> switch (v) {
                case "1", "true", "on", "yes" -> true;
                case "0", "false", "off", "no", "" -> false;
                default -> throw invalid(key, v, "expected 0 or 1");
            }).orElse(fallback);
        }

        double probability(String key, double fallback) {
            return value(key).map(v -> {
                try {
                    double parsed = Double.parseDouble(v);
                    if (!(parsed > 0 && parsed < 1)) {
                        throw invalid(key, v, "must be between 0 and 1 (exclusive)");
                    }
                    return parsed;
                } catch (NumberFormatException e) {
                    throw invalid(key, v, "not a number");
                }
            }).orElse(fallback);
        }

        private static IllegalArgumentException invalid(String key, String value, String why) {
            return new IllegalArgumentException("valor_config " + key + " = '" + value + "': " + why);
        }
    }
}
