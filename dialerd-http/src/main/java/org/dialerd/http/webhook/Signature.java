package org.dialerd.http.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Dialerd-Signature: sha256=<hex>}: HMAC-SHA256 with the endpoint's secret over
 * {@code <timestamp>.<body>}, the timestamp being the {@code X-Dialerd-Timestamp} header (Unix
 * seconds). Signing the timestamp with the body lets a receiver refuse replays of old deliveries.
 */
public final class Signature {
    public static final String HEADER = "X-Dialerd-Signature";
    public static final String TIMESTAMP_HEADER = "X-Dialerd-Timestamp";

    private Signature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e); // every JDK has it
        }
    }
}
