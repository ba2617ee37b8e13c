package org.dialerd.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.dialerd.http.webhook.WebhookSettings;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {
    private static DialerdConfig parse(String... lines) {
        return DialerdConfig.fromIni(IniFile.parse(List.of(lines), "test.conf"), false, Path.of("data"));
    }

    @Test
    void noSectionMeansNoWebhooks() {
        assertEquals(List.of(), parse("[database]", "dbhost = localhost").webhooks().endpoints());
    }

    @Test
    void eachNamedEndpointHasItsUrlEventsAndSecret() {
        WebhookSettings settings = parse("[webhooks]", "url.crm = https://crm.example.com/hook",
                "events.crm = agentlinked, agentunlinked", "secret.crm = s", "url.all = http://10.0.0.5/x",
                "secret.all = t", "retry_initial_ms = 50", "queue_size = 7").webhooks();
        assertEquals(List.of(
                new WebhookSettings.Endpoint("all", URI.create("http://10.0.0.5/x"), Set.of(), "t"),
                new WebhookSettings.Endpoint("crm", URI.create("https://crm.example.com/hook"),
                        Set.of("agentlinked", "agentunlinked"), "s")), settings.endpoints());
        assertTrue(settings.endpoints().get(0).wants("pausestart"), "no events key: every event");
        assertEquals(Duration.ofMillis(50), settings.retryInitial());
        assertEquals(7, settings.queueSize());
        assertEquals(WebhookSettings.DEFAULT_MAX_ATTEMPTS, settings.maxAttempts());
    }

    @Test
    void mistakesNameTheKeyAndTheValue() {
        assertEquals("webhooks.url.crm = 'https://x/h': set webhooks.secret.crm too (receivers check the signature "
                + "with it)", assertThrows(ConfigException.class,
                () -> parse("[webhooks]", "url.crm = https://x/h")).getMessage());
        assertEquals("webhooks.url.crm = 'ftp://x/h': must be an http:// or https:// URL", assertThrows(
                ConfigException.class, () -> parse("[webhooks]", "url.crm = ftp://x/h", "secret.crm = s"))
                .getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> parse("[webhooks]", "colour.crm = red")).getMessage()
                .startsWith("webhooks.colour.crm = 'red': unknown key"));
        assertEquals("webhooks.max_attempts = '0': must be between 1 and 1000", assertThrows(ConfigException.class,
                () -> parse("[webhooks]", "max_attempts = 0")).getMessage());
    }

    @Test
    void httpTokenLifetimeAndTlsAreReadFromTheHttpSection() {
        var http = parse("[http]", "port = 8088", "token_ttl = 120", "tls_certificate = /etc/d/h.crt",
                "tls_key = /etc/d/h.key").http().orElseThrow();
        assertEquals(Duration.ofSeconds(120), http.tokenTtl());
        assertEquals(Path.of("/etc/d/h.crt"), http.tls().orElseThrow().certificate());
        assertEquals("http.tls_certificate = '/etc/d/h.crt': set http.tls_key too", assertThrows(
                ConfigException.class, () -> parse("[http]", "port = 8088", "tls_certificate = /etc/d/h.crt"))
                .getMessage());
    }
}
