package org.dialerd.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.eccp.server.EccpTlsSettings;
import org.dialerd.eccp.server.LoginThrottleSettings;
import org.dialerd.eccp.tls.ServerTls;

/**
 * The {@code [eccp]} section: listeners, limits, TLS and login throttling (docs/configuration.md).
 * A TLS certificate and key are read and checked here, so a bad file stops the start with its key
 * and path before anything else is opened.
 */
final class EccpIni {
    private EccpIni() {
    }

    static EccpServerSettings settings(IniFile ini) {
        EccpServerSettings d = EccpServerSettings.defaults();
        String bindAddress = ini.get("eccp.bind_address").map(String::strip).orElse(d.bindAddress());
        String port = ini.get("eccp.port").map(String::strip).orElse(Integer.toString(d.port()));
        boolean plain = !port.equalsIgnoreCase("off");
        EccpServerSettings settings = new EccpServerSettings(
                bindAddress,
                plain ? DialerdConfig.parseInt("eccp.port", port, 0, 65535) : d.port(),
                intValue(ini, "eccp.max_packet_bytes", d.maxPacketBytes(), 64, Integer.MAX_VALUE),
                seconds(ini, "eccp.idle_timeout", d.idleTimeout(), 1),
                intValue(ini, "eccp.max_requests_in_flight", d.maxRequestsInFlight(), 1, 1_000_000),
                intValue(ini, "eccp.max_outbound_bytes", d.maxOutboundBytes(), 64 * 1024, Integer.MAX_VALUE),
                ini.get("eccp.allowed_clients").map(EccpIni::addressList).orElse(Set.of()),
                intValue(ini, "eccp.worker_threads", d.workerThreads(), 1, 1024),
                plain,
                tls(ini, bindAddress),
                throttle(ini),
                intValue(ini, "eccp.max_connections", d.maxConnections(), 1, 1_000_000),
                intValue(ini, "eccp.warmup_requests", EccpServerSettings.DEFAULT_WARMUP_REQUESTS, 0,
                        EccpServerSettings.MAX_WARMUP_REQUESTS));
        settings.tls().ifPresent(ServerTls::context);
        return settings;
    }

    private static Optional<EccpTlsSettings> tls(IniFile ini, String bindAddress) {
        Optional<String> port = ini.get("eccp.tls_port").map(String::strip).filter(p -> !p.isEmpty());
        Optional<Path> certificate = path(ini, "eccp.tls_certificate");
        Optional<Path> key = path(ini, "eccp.tls_key");
        if (port.isEmpty()) {
            if (certificate.isPresent() || key.isPresent()) {
                throw new ConfigException((certificate.isPresent() ? "eccp.tls_certificate" : "eccp.tls_key")
                        + " is set but eccp.tls_port is not: set the port to enable ECCP over TLS");
            }
            return Optional.empty();
        }
        int tlsPort = DialerdConfig.parseInt("eccp.tls_port", port.get(), 0, 65535);
        return Optional.of(new EccpTlsSettings(
                ini.get("eccp.tls_bind_address").map(String::strip).filter(a -> !a.isEmpty()).orElse(bindAddress), tlsPort,
                certificate.orElseThrow(() -> new ConfigException("eccp.tls_port = " + tlsPort
                        + " needs eccp.tls_certificate (PEM certificate file)")),
                key.orElseThrow(() -> new ConfigException("eccp.tls_port = " + tlsPort
                        + " needs eccp.tls_key (PEM PKCS#8 private key file)"))));
    }

    private static LoginThrottleSettings throttle(IniFile ini) {
        LoginThrottleSettings d = LoginThrottleSettings.DEFAULTS;
        return new LoginThrottleSettings(
                intValue(ini, "eccp.login_max_failures", d.maxFailures(), 0, 1_000_000),
                seconds(ini, "eccp.login_failure_window", d.window(), 1),
                seconds(ini, "eccp.login_lockout", d.lockout(), 1),
                seconds(ini, "eccp.login_lockout_max", d.maxLockout(), 1),
                d.maxTrackedAddresses());
    }

    private static Optional<Path> path(IniFile ini, String key) {
        return ini.get(key).map(String::strip).filter(p -> !p.isEmpty()).map(Path::of);
    }

    private static Set<String> addressList(String value) {
        Set<String> addresses = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(addresses::add);
        return addresses;
    }

    private static Duration seconds(IniFile ini, String key, Duration fallback, int min) {
        return Duration.ofSeconds(intValue(ini, key, (int) fallback.toSeconds(), min, Integer.MAX_VALUE));
    }

    private static int intValue(IniFile ini, String key, int fallback, int min, int max) {
        return ini.get(key).map(value -> DialerdConfig.parseInt(key, value, min, max)).orElse(fallback);
    }
}
