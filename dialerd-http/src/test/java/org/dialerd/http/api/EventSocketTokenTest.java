package org.dialerd.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.SessionRegistry;
import org.dialerd.core.testing.ManualClock;
import org.dialerd.http.Request;
import org.dialerd.http.SocketEndpoint;
import org.junit.jupiter.api.Test;

/** An event socket closes when the token that opened it expires or is revoked, not before. */
class EventSocketTokenTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T01:00:00Z"));
    private final Tokens tokens = new Tokens(Duration.ofMinutes(10), clock);
    private final WebApi api = new WebApi(new EccpBridge(null), tokens, Set.of(), List::of, List.of());
    private final EventSocket socket = new EventSocket(api, new SessionRegistry(1 << 20), List::of, Runnable::run,
            clock);

    private EmbeddedChannel open(String token) {
        Request upgrade = new Request("GET", EventSocket.PATH, Map.of(), Map.of("token", List.of(token)), Map.of(),
                "127.0.0.1:5000", "127.0.0.1", new byte[0]);
        SocketEndpoint.Admission admission = socket.admit(upgrade);
        SocketEndpoint.Admission.Accept accept = assertInstanceOf(SocketEndpoint.Admission.Accept.class, admission);
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(accept.frames());
        channel.pipeline().fireUserEventTriggered(SocketEndpoint.OPENED);
        return channel;
    }

    private String token() {
        EccpSession account = new EccpSession("127.0.0.1:5000", "127.0.0.1");
        account.loggedIn("agentconsole", "0123456789abcdef0123456789abcdef");
        return tokens.issue(account).value();
    }

    @Test
    void aSocketStaysOpenWhileItsTokenIsValidAndClosesWithCode4401WhenItExpires() {
        EmbeddedChannel channel = open(token());
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isOpen(), "the token is still valid");
        assertNull(channel.readOutbound());

        clock.advance(Duration.ofSeconds(1));
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        CloseWebSocketFrame close = assertInstanceOf(CloseWebSocketFrame.class, channel.readOutbound());
        assertEquals(EventSocket.CLOSE_TOKEN, close.statusCode());
        assertEquals("Token expired", close.reasonText());
        close.release();
        assertFalse(channel.isOpen());
    }

    @Test
    void aRevokedTokenClosesItsSocketsAtTheNextCheck() {
        String token = token();
        EmbeddedChannel channel = open(token);
        tokens.revoke(token);
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        CloseWebSocketFrame close = assertInstanceOf(CloseWebSocketFrame.class, channel.readOutbound());
        assertEquals(4401, close.statusCode());
        assertEquals("Unauthorized", close.reasonText());
        close.release();
        assertFalse(channel.isOpen());
    }

    @Test
    void anExpiredTokenOpensNoSocket() {
        String token = token();
        clock.advance(Duration.ofMinutes(10));
        Request upgrade = new Request("GET", EventSocket.PATH, Map.of(), Map.of("token", List.of(token)), Map.of(),
                "127.0.0.1:5000", "127.0.0.1", new byte[0]);
        SocketEndpoint.Admission.Refuse refused = assertInstanceOf(SocketEndpoint.Admission.Refuse.class,
                socket.admit(upgrade));
        assertEquals(401, refused.response().status());
    }
}
