package org.dialerd.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.util.Optional;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event socket: subscribed to the registry from its start (events then come from the
 * fan-out thread, written by the registry with its outbound limit), answering the client's
 * messages:
 * <pre>
 * → {"type":"snapshot"}                       ← {"type":"snapshot","at":…,"agents":[…],"calls":[…]}
 * → {"type":"filter","agent":"Agent/9000"}    ← {"type":"filtered","agent":"Agent/9000"}
 * → {"type":"callprogress","enable":true}     ← {"type":"callprogress","enable":true}
 * → anything else                             ← {"type":"error","error":{"code":400,…}}
 * </pre>
 */
final class EventSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger log = LoggerFactory.getLogger(EventSocketHandler.class);

    private final EccpSession session;
    private final SessionRegistry sessions;
    private final EventSocket socket;

    private final String token;
    private final java.time.Instant expiresAt;

    EventSocketHandler(EccpSession session, SessionRegistry sessions, EventSocket socket, String token,
                       java.time.Instant expiresAt) {
        this.session = session;
        this.sessions = sessions;
        this.socket = socket;
        this.token = token;
        this.expiresAt = expiresAt;
    }

    /**
     * Closes the socket (close code {@link EventSocket#CLOSE_TOKEN}, the reason as text) once its
     * token expired or was revoked: a socket must not outlive the credentials that opened it.
     */
    void checkToken(ChannelHandlerContext ctx) {
        socket.closeReason(token, expiresAt).ifPresent(reason -> {
            if (ctx.channel().isActive()) {
                log.debug("event socket {}: {}; closing", session.remoteAddress(), reason);
                ctx.writeAndFlush(new CloseWebSocketFrame(EventSocket.CLOSE_TOKEN, reason))
                        .addListener(ChannelFutureListener.CLOSE);
            }
        });
    }

    /** Subscribes once the handshake is out: an event written before it would break the HTTP answer. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event != org.dialerd.http.SocketEndpoint.OPENED) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        sessions.subscribe(session, ctx.channel(), JsonEvents.INSTANCE);
        ctx.channel().closeFuture().addListener(future -> sessions.remove(session));
        long every = EventSocket.TOKEN_CHECK.toMillis();
        java.util.concurrent.ScheduledFuture<?> check = ctx.executor().scheduleAtFixedRate(() -> checkToken(ctx),
                every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        ctx.channel().closeFuture().addListener(future -> check.cancel(false));
        log.debug("event socket {} opened ({})", session.remoteAddress(),
                session.agentFilter().map(Object::toString).orElse("every agent"));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            message(ctx, text.text());
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            ctx.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void message(ChannelHandlerContext ctx, String text) {
        JsonNode message;
        try {
            message = ApiResponses.MAPPER.readTree(text);
        } catch (IOException e) {
            error(ctx, 400, "Invalid JSON");
            return;
        }
        String type = message == null ? "" : message.path("type").asText("");
        switch (type) {
            case "snapshot" -> socket.snapshot(bytes -> ctx.writeAndFlush(
                    new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes))));
            case "filter" -> filter(ctx, message.path("agent").asText(""));
            case "callprogress" -> {
                boolean enable = message.path("enable").asBoolean(false);
                session.callProgress(enable);
                send(ctx, ApiResponses.MAPPER.createObjectNode().put("type", "callprogress").put("enable", enable));
            }
            default -> error(ctx, 400, "Unknown message type");
        }
    }

    private void filter(ChannelHandlerContext ctx, String agent) {
        if (agent.equals("any")) {
            session.clearAgentFilter();
        } else {
            Optional<AgentNumber> number = AgentNumber.parse(agent.trim());
            if (number.isEmpty()) {
                error(ctx, 417, "Invalid agent number");
                return;
            }
            session.filterByAgent(number.get());
        }
        sessions.subscribe(session, ctx.channel(), JsonEvents.INSTANCE);
        send(ctx, ApiResponses.MAPPER.createObjectNode().put("type", "filtered").put("agent", agent));
    }

    private static void error(ChannelHandlerContext ctx, int code, String message) {
        com.fasterxml.jackson.databind.node.ObjectNode error = ApiResponses.MAPPER.createObjectNode()
                .put("type", "error");
        error.putObject("error").put("code", code).put("message", message);
        send(ctx, error);
    }

    private static void send(ChannelHandlerContext ctx, com.fasterxml.jackson.databind.node.ObjectNode message) {
        ctx.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(JsonEvents.bytes(message))));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("event socket {}: {}; closing", session.remoteAddress(), cause.toString());
        ctx.close();
    }
}
