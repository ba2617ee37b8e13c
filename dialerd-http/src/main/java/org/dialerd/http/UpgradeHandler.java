package org.dialerd.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;


/**
 * Turns {@code GET <path>} with {@code Upgrade: websocket} into a WebSocket when its
 * {@link SocketEndpoint} admits it: the handshake is answered, the HTTP request handler and idle
 * timeout leave the pipeline and the endpoint's frame handler takes their place. Any other
 * request goes on to the {@link HttpRequestHandler}.
 */
final class UpgradeHandler extends ChannelInboundHandlerAdapter {
    /** Longest frame a client may send (its messages are small commands). */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private final Map<String, SocketEndpoint> endpoints;

    UpgradeHandler(Map<String, SocketEndpoint> endpoints) {
        this.endpoints = Map.copyOf(endpoints);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || request.decoderResult().isFailure()
                || !"websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
            ctx.fireChannelRead(msg);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        SocketEndpoint endpoint = endpoints.get(uri.path());
        if (endpoint == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            upgrade(ctx, request, uri, endpoint);
        } finally {
            ReferenceCountUtil.release(request);
        }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri,
                         SocketEndpoint endpoint) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        String remote = String.valueOf(ctx.channel().remoteAddress());
        String client = ctx.channel().remoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : remote;
        Request parsed = new Request(request.method().name(), uri.path(), Map.of(), uri.parameters(), headers, remote,
                client, new byte[0]);
        SocketEndpoint.Admission admission = endpoint.admit(parsed);
        if (admission instanceof SocketEndpoint.Admission.Refuse refuse) {
            refuse(ctx, refuse.response());
            return;
        }
        boolean tls = ctx.pipeline().get(SslHandler.class) != null;
        String location = (tls ? "wss://" : "ws://") + request.headers().get(HttpHeaderNames.HOST) + uri.path();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, null, false,
                MAX_FRAME_BYTES).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        ctx.pipeline().remove("idle");
        ctx.pipeline().remove("handler");
        ctx.pipeline().addLast("socket", ((SocketEndpoint.Admission.Accept) admission).frames());
        io.netty.channel.ChannelPipeline pipeline = ctx.pipeline();
        pipeline.remove(this);
        handshaker.handshake(ctx.channel(), request).addListener(done -> {
            if (done.isSuccess()) {
                pipeline.fireUserEventTriggered(SocketEndpoint.OPENED);
            }
        });
    }

    private static void refuse(ChannelHandlerContext ctx, Response answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        answer.headers().forEach(response.headers()::set);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

}
