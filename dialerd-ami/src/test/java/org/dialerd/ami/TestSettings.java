package org.dialerd.ami;

import java.time.Duration;

/** Settings for a gateway talking to a {@link FakeAmiServer}: short waits, so failures show fast. */
final class TestSettings {

    private TestSettings() {
    }

    static AmiSettings forPort(int port) {
        return AmiSettings.of("127.0.0.1", "dialerd", "dialerd")
                .withPort(port)
                .withActionTimeout(Duration.ofSeconds(2))
                .withReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .withPingInterval(Duration.ofSeconds(1));
    }
}
