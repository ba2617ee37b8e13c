package org.dialerd.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

class TokensTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T01:00:00Z"));
    private final Tokens tokens = new Tokens(Duration.ofMinutes(10), clock);
    private final EccpSession session = new EccpSession("/127.0.0.1:5000", "127.0.0.1");

    @Test
    void aTokenIsValidUntilItsTimeToLiveIsOver() {
        Tokens.Token token = tokens.issue(session);
        assertEquals(64, token.value().length());
        assertEquals(Instant.parse("2026-12-02T01:10:00Z"), token.expiresAt());
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        Tokens.Lookup.Valid valid = assertInstanceOf(Tokens.Lookup.Valid.class, tokens.find(token.value()));
        assertEquals(session, valid.token().session());
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(Tokens.Lookup.Expired.class, tokens.find(token.value()));
        assertInstanceOf(Tokens.Lookup.Expired.class, tokens.find(token.value()), "every later use: expired too");
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertInstanceOf(Tokens.Lookup.Expired.class, tokens.find(token.value()));
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(Tokens.Lookup.Unknown.class, tokens.find(token.value()), "forgotten a ttl after expiry");
    }

    @Test
    void useDoesNotExtendAToken() {
        Tokens.Token token = tokens.issue(session);
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertInstanceOf(Tokens.Lookup.Valid.class, tokens.find(token.value()));
        }
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(Tokens.Lookup.Expired.class, tokens.find(token.value()));
    }

    @Test
    void tokensAreRandomAndRevocable() {
        Tokens.Token a = tokens.issue(session);
        Tokens.Token b = tokens.issue(session);
        assertNotEquals(a.value(), b.value());
        tokens.revoke(a.value());
        assertInstanceOf(Tokens.Lookup.Unknown.class, tokens.find(a.value()));
        assertInstanceOf(Tokens.Lookup.Valid.class, tokens.find(b.value()));
    }

    @Test
    void tokensExpiredForATimeToLiveAreForgottenWhenANewOneIsIssued() {
        tokens.issue(session);
        clock.advance(Duration.ofMinutes(11));
        tokens.issue(session);
        assertEquals(2, tokens.size(), "the first is expired, still told apart");
        clock.advance(Duration.ofMinutes(10));
        tokens.issue(session);
        assertEquals(2, tokens.size(), "the first forgotten, the second expired, the third valid");
    }

    @Test
    void aTimeToLiveMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Tokens(Duration.ZERO, clock));
    }
}
