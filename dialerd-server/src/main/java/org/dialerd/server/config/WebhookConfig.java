package org.dialerd.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dialerd.http.webhook.WebhookSettings;

/**
 * The {@code [webhooks]} section: {@code url.<name>}, {@code events.<name>} (comma-separated event
 * names, or {@code *}) and {@code secret.<name>} per endpoint, and the shared limits
 * ({@code queue_size}, {@code max_attempts}, {@code retry_initial_ms}, {@code retry_max_ms},
 * {@code timeout_ms}). No section: no webhooks.
 */
final class WebhookConfig {
    private static final String PREFIX = "webhooks.";
    private static final Set<String> PER_ENDPOINT = Set.of("url", "events", "secret");
    private static final Set<String> SHARED = Set.of("queue_size", "max_attempts", "retry_initial_ms",
            "retry_max_ms", "timeout_ms");

    private WebhookConfig() {
    }

    static WebhookSettings fromIni(IniFile ini) {
        Map<String, String> all = ini.asMap();
        Set<String> names = new TreeSet<>();
        for (String key : all.keySet()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            String kind = dot < 0 ? rest : rest.substring(0, dot);
            if (dot < 0 ? !SHARED.contains(kind) : !PER_ENDPOINT.contains(kind) || dot == rest.length() - 1) {
                throw new ConfigException(key + " = '" + all.get(key) + "': unknown key (per endpoint: url.<name>, "
                        + "events.<name>, secret.<name>; shared: " + String.join(", ", new TreeSet<>(SHARED)) + ")");
            }
            if (dot > 0) {
                names.add(rest.substring(dot + 1));
            }
        }
        List<WebhookSettings.Endpoint> endpoints = new ArrayList<>();
        for (String name : names) {
            endpoints.add(endpoint(ini, name));
        }
        return new WebhookSettings(endpoints,
                intValue(ini, "queue_size", WebhookSettings.DEFAULT_QUEUE_SIZE, 1, 1_000_000),
                intValue(ini, "max_attempts", WebhookSettings.DEFAULT_MAX_ATTEMPTS, 1, 1000),
                millis(ini, "retry_initial_ms", WebhookSettings.DEFAULT_RETRY_INITIAL),
                millis(ini, "retry_max_ms", WebhookSettings.DEFAULT_RETRY_MAX),
                millis(ini, "timeout_ms", WebhookSettings.DEFAULT_TIMEOUT));
    }

    private static WebhookSettings.Endpoint endpoint(IniFile ini, String name) {
        String urlKey = PREFIX + "url." + name;
        String url = ini.get(urlKey).map(String::strip).orElseThrow(() -> new ConfigException(PREFIX + "events."
                + name + " or " + PREFIX + "secret." + name + " is set: set " + urlKey + " too"));
        String secret = ini.get(PREFIX + "secret." + name).map(String::strip).orElseThrow(() ->
                new ConfigException(urlKey + " = '" + url + "': set " + PREFIX + "secret." + name
                        + " too (receivers check the signature with it)"));
        String events = ini.get(PREFIX + "events." + name).map(String::strip).orElse("*");
        Set<String> wanted = events.equals("*") ? Set.of() : new LinkedHashSet<>(Arrays.stream(events.split(","))
                .map(String::strip).filter(e -> !e.isEmpty()).toList());
        if (!events.equals("*") && wanted.isEmpty()) {
            throw new ConfigException(PREFIX + "events." + name + " = '" + events + "': list event names or *");
        }
        try {
            return new WebhookSettings.Endpoint(name, new URI(url), wanted, secret);
        } catch (URISyntaxException e) {
            throw new ConfigException(urlKey + " = '" + url + "': not a URL (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static int intValue(IniFile ini, String key, int fallback, int min, int max) {
        return ini.get(PREFIX + key).map(v -> DialerdConfig.parseInt(PREFIX + key, v, min, max)).orElse(fallback);
    }

    private static Duration millis(IniFile ini, String key, Duration fallback) {
        return ini.get(PREFIX + key).map(v -> Duration.ofMillis(DialerdConfig.parseInt(PREFIX + key, v, 1,
                Integer.MAX_VALUE))).orElse(fallback);
    }
}
