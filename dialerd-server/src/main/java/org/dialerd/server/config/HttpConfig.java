package org.dialerd.server.config;

import java.util.Optional;
import org.dialerd.http.HttpSettings;

/**
 * The {@code [http]} section: the health, metrics and web API listener. With {@code --config} it
 * is off unless {@code port} is set; {@code bind_address} defaults to loopback (health and
 * metrics have no authentication); {@code token_ttl} (seconds) and {@code tls_certificate} with
 * {@code tls_key} (HTTPS only) are the API's.
 */
final class HttpConfig {
    private HttpConfig() {
    }

    static Optional<HttpSettings> fromIni(IniFile ini) {
        Optional<String> bind = ini.get("http.bind_address").map(String::strip);
        if (ini.get("http.port").isEmpty()) {
            bind.ifPresent(address -> {
                throw new ConfigException("http.bind_address = '" + address
                        + "': set http.port too to turn the HTTP listener on");
            });
            return Optional.empty();
        }
        int port = DialerdConfig.parseInt("http.port", ini.get("http.port").get(), 0, 65535);
        HttpSettings settings = HttpSettings.on(port);
        if (bind.isPresent()) {
            if (bind.get().isEmpty()) {
                throw new ConfigException("http.bind_address = '': must not be empty (127.0.0.1 or 0.0.0.0)");
            }
            settings = settings.withBindAddress(bind.get());
        }
        if (ini.get("http.token_ttl").isPresent()) {
            settings = settings.withTokenTtl(java.time.Duration.ofSeconds(DialerdConfig.parseInt("http.token_ttl",
                    ini.get("http.token_ttl").get(), 1, 30 * 24 * 3600)));
        }
        Optional<String> certificate = ini.get("http.tls_certificate").map(String::strip);
        Optional<String> key = ini.get("http.tls_key").map(String::strip);
        if (certificate.isPresent() != key.isPresent()) {
            throw new ConfigException(certificate.isPresent()
                    ? "http.tls_certificate = '" + certificate.get() + "': set http.tls_key too"
                    : "http.tls_key = '" + key.get() + "': set http.tls_certificate too");
        }
        if (certificate.isPresent()) {
            settings = settings.withTls(new org.dialerd.http.HttpSettings.Tls(java.nio.file.Path.of(certificate.get()),
                    java.nio.file.Path.of(key.get())));
        }
        return Optional.of(settings);
    }
}
