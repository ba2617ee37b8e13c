package org.dialerd.http.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {
    private static final byte[] BODY = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Computed apart from this code: printf '1764640000.{"id":1}' | openssl dgst -sha256 -hmac secret
        assertEquals("sha256=f9527885bc2407c2d6cb7c2461c5d11639ecbbf8cc7c5f4b477ccc8de7ff2c94",
                Signature.sign("secret", 1764640000L, BODY));
    }

    @Test
    void anotherSecretTimestampOrBodyGivesAnotherSignature() {
        String signature = Signature.sign("secret", 1764640000L, BODY);
        assertNotEquals(signature, Signature.sign("other", 1764640000L, BODY));
        assertNotEquals(signature, Signature.sign("secret", 1764640001L, BODY));
        assertNotEquals(signature, Signature.sign("secret", 1764640000L, "{\"id\":2}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void backoffDoublesFromTheFirstWaitUpToTheLongest() {
        WebhookSettings settings = new WebhookSettings(List.of(), 10, 10, Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofSeconds(1));
        assertEquals(List.of(100L, 200L, 400L, 500L, 500L), List.of(settings.backoff(1).toMillis(),
                settings.backoff(2).toMillis(), settings.backoff(3).toMillis(), settings.backoff(4).toMillis(),
                settings.backoff(5).toMillis()));
    }
}
