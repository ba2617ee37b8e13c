package org.dialerd.core.settings;

import java.util.Map;
import java.util.Optional;

/**
 * The reference daemon's settings from {@code valor_config} (eccp-supplement.md, "Daemon
 * settings"), each with its documented default. Validated once: a row with an unusable
 * value fails with its key and value.
 *
 * @param sessionDuration     asterisk.duracion_sesion: AMI session length in seconds, 0 = unlimited
 * @param shortCallSeconds    dialer.llamada_corta: answered calls shorter than this are ShortCall
 * @param initialAnswerSeconds dialer.tiempo_contestar: initial mean seconds to answer
 * @param qos                 dialer.qos: probability threshold for "about to be free" agents
 * @param originateTimeoutSeconds dialer.timeout_originate: 0 = Asterisk's default
 * @param dialIntervalSeconds dialer.entretiempo
 */
public record DaemonSettings(String asteriskHost, String asteriskUser, String asteriskPassword, int sessionDuration,
                             int shortCallSeconds, int initialAnswerSeconds, boolean debug, boolean allEvents,
                             boolean overcommit, double qos, boolean predictive, int originateTimeoutSeconds,
                             boolean forceOvercommit, int dialIntervalSeconds) {

    public static final DaemonSettings DEFAULTS = new DaemonSettings("127.0.0.1", "", "", 0, 10, 8, false, false,
            false, 0.97, true, 0, false, 5);

    /** Reads the rows; absent keys keep their defaults, unknown keys are ignored. */
    public static DaemonSettings fromValorConfig(Map<String, String> rows) {
        Reader r = new Reader(rows);
        DaemonSettings d = DEFAULTS;
        return new DaemonSettings(
                r.text("asterisk.asthost", d.asteriskHost()),
                r.text("asterisk.astuser", d.asteriskUser()),
                r.text("asterisk.astpass", d.asteriskPassword()),
                r.integer("asterisk.duracion_sesion", d.sessionDuration(), 0),
                r.integer("dialer.llamada_corta", d.shortCallSeconds(), 0),
                r.integer("dialer.tiempo_contestar", d.initialAnswerSeconds(), 0),
                r.flag("dialer.debug", d.debug()),
                r.flag("dialer.allevents", d.allEvents()),
                r.flag("dialer.overcommit", d.overcommit()),
                r.probability("dialer.qos", d.qos()),
                r.flag("dialer.predictivo", d.predictive()),
                r.integer("dialer.timeout_originate", d.originateTimeoutSeconds(), 0),
                r.flag("dialer.forzar_sobrecolocar", d.forceOvercommit()),
                r.integer("dialer.entretiempo", d.dialIntervalSeconds(), 0));
    }

    @Override
    public String toString() {
        return "DaemonSettings[asterisk=" + asteriskUser + "@" + asteriskHost + ", password="
                + (asteriskPassword.isEmpty() ? "(empty)" : "***") + ", llamada_corta=" + shortCallSeconds
                + ", tiempo_contestar=" + initialAnswerSeconds + ", qos=" + qos + ", predictivo=" + predictive
                + ", overcommit=" + overcommit + ", timeout_originate=" + originateTimeoutSeconds + "]";
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
