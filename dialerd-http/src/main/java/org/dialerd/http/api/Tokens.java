package org.dialerd.http.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dialerd.eccp.server.EccpSession;

/**
 * Bearer tokens: each stands for one logged-in ECCP session (its client account and
 * {@code app_cookie}), random (256 bits), valid {@code ttl} from its creation, not extended by
 * use. An expired token is still recognised as expired for another {@code ttl} (so every request
 * made with it, however many, gets {@code Token expired}, not {@code Unauthorized}), then forgotten
 * when met or when a new token is issued: at most the tokens of two time-to-live periods are kept.
 */
public final class Tokens {
    /** A token and the session it opens. */
    public record Token(String value, EccpSession session, Instant expiresAt) {}

    /** What a presented token turned out to be. */
    public sealed interface Lookup {
        record Valid(Token token) implements Lookup {}

        record Expired() implements Lookup {}

        record Unknown() implements Lookup {}
    }

    private final Map<String, Token> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration ttl;
    private final Clock clock;

    public Tokens(Duration ttl, Clock clock) {
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("http.token_ttl must be positive, got " + ttl);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    public Token issue(EccpSession session) {
        Instant now = clock.instant();
        live.values().removeIf(token -> forgotten(token, now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Token token = new Token(HexFormat.of().formatHex(bytes), session, now.plus(ttl));
        live.put(token.value(), token);
        return token;
    }

    public Lookup find(String value) {
        Token token = live.get(value);
        if (token == null) {
            return new Lookup.Unknown();
        }
        Instant now = clock.instant();
        if (forgotten(token, now)) {
            live.remove(value);
            return new Lookup.Unknown();
        }
        if (!now.isBefore(token.expiresAt())) {
            return new Lookup.Expired();
        }
        return new Lookup.Valid(token);
    }

    /** Forgets the token; its session is over. */
    public Optional<Token> revoke(String value) {
        return Optional.ofNullable(live.remove(value));
    }

    /** Tokens kept: valid ones, and expired ones still answered as expired. */
    public int size() {
        return live.size();
    }

    /** Expired for a whole time to live: no longer worth telling apart from an unknown token. */
    private boolean forgotten(Token token, Instant now) {
        return !now.isBefore(token.expiresAt().plus(ttl));
    }
}
