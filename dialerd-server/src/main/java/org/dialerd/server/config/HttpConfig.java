package org.dialerd.server.config;

import java.util.Optional;
import org.dialerd.http.HttpSettings;

/**
 * The {@code [http]} section: the health and metrics listener. With {@code --config} it is off
 * unless {@code port} is set; {@code bind_address} defaults to loopback, since the listener
 * has no authentication.
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
        return Optional.of(settings);
    }
}
