package org.dialerd.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each request and writes the answers in request order. Requests wait in a
 * per-connection queue and run one at a time, the handler on a worker thread (it may block);
 * the queue and the writes stay on the event loop, so they need no locks. With
 * {@code maxPipelined} requests waiting, reading pauses until the client catches up.
 *
 * <pre>
 * GET /nope HTTP/1.1          →  HTTP/1.1 404 Not Found
 *                                {"error":{"code":404,"message":"Not found"}}
 * POST /health HTTP/1.1       →  HTTP/1.1 405 Method Not Allowed, Allow: GET
 * (headers over 8 KiB)        →  HTTP/1.1 431, then close
 * </pre>
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);

    /** A request read and not answered yet. {@code early}: an answer known without a handler. */
    private record Pending(Request request, boolean keepAlive, HttpVersion version, Router.Match match,
                           Response early) {}

    private final Router router;
    private final Executor workers;
    private final int maxPipelined;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean busy;

    HttpRequestHandler(Router router, Executor workers, int maxPipelined) {
        this.router = router;
        this.workers = workers;
        this.maxPipelined = maxPipelined;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
        queue.add(pending(ctx, message));
        if (queue.size() >= maxPipelined) {
            ctx.channel().config().setAutoRead(false);
        }
        next(ctx);
    }

    private Pending pending(ChannelHandlerContext ctx, FullHttpRequest message) {
        String remote = String.valueOf(ctx.channel().remoteAddress());
        if (message.decoderResult().isFailure()) {
            Throwable cause = message.decoderResult().cause();
            Response answer = cause instanceof TooLongHttpLineException ? Response.error(414, "URI too long")
                    : cause instanceof TooLongHttpHeaderException ? Response.error(431, "Request headers too large")
                    : cause instanceof TooLongFrameException ? Response.error(413, "Request too large")
                    : Response.error(400, "Bad request");
            log.debug("HTTP client {} sent an invalid request: {}", remote, cause.toString());
            Request request = new Request(message.method().name(), "", Map.of(), Map.of(), Map.of(), remote);
            return new Pending(request, false, HttpVersion.HTTP_1_1, null, answer);
        }
        QueryStringDecoder uri = new QueryStringDecoder(message.uri());
        Map<String, String> headers = new HashMap<>();
        message.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        byte[] body = new byte[message.content().readableBytes()];
        message.content().getBytes(message.content().readerIndex(), body);
        Request request = new Request(message.method().name(), uri.path(), Map.of(), uri.parameters(), headers,
                remote, clientAddress(ctx), body);
        Router.Match match = router.match(request.method(), uri.rawPath());
        Response early = null;
        if (match instanceof Router.Match.NotFound) {
            early = Response.error(404, "Not found");
        } else if (match instanceof Router.Match.MethodNotAllowed notAllowed) {
            early = Response.error(405, "Method not allowed")
                    .withHeader(HttpHeaderNames.ALLOW.toString(), String.join(", ", notAllowed.allowed()));
        }
        return new Pending(request, HttpUtil.isKeepAlive(message), message.protocolVersion(), match, early);
    }

    private static String clientAddress(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
    }

    /** Answers the head of the queue unless an answer is being produced (event loop). */
    private void next(ChannelHandlerContext ctx) {
        if (busy || queue.isEmpty()) {
            return;
        }
        busy = true;
        Pending pending = queue.poll();
        if (pending.early() != null) {
            write(ctx, pending, pending.early());
            return;
        }
        Router.Match.Found found = (Router.Match.Found) pending.match();
        try {
            workers.execute(() -> {
                Response answer = run(found, pending.request());
                ctx.executor().execute(() -> write(ctx, pending, answer));
            });
        } catch (RejectedExecutionException e) {
            write(ctx, pending, Response.error(503, "Server busy"));
        }
    }

    private static Response run(Router.Match.Found found, Request request) {
        try {
            return found.handler().handle(request.withPathParams(found.pathParams()));
        } catch (RuntimeException e) {
            log.error("HTTP {} {} from {} failed", request.method(), request.path(), request.remote(), e);
            return Response.error(500, "Internal server error");
        }
    }

    private void write(ChannelHandlerContext ctx, Pending pending, Response answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(pending.version(),
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        HttpUtil.setKeepAlive(response, pending.keepAlive());
        var future = ctx.writeAndFlush(response);
        if (!pending.keepAlive()) {
            queue.clear();
            future.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        future.addListener(done -> {
            busy = false;
            if (!done.isSuccess()) { // the client went away: the requests it left need no answer
                queue.clear();
                ctx.close();
                return;
            }
            if (!ctx.channel().config().isAutoRead() && queue.size() < maxPipelined) {
                ctx.channel().config().setAutoRead(true);
            }
            next(ctx);
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        queue.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP client {}: {}; closing", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
