package org.dialerd.http;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One connection's stages: HTTP/1.1 codec (request line and headers bounded: 414 and 431 past
 * the limits), aggregation of the body (413 past {@code maxBodyBytes}), idle timeout, then the
 * {@link HttpRequestHandler}. Shared by the server and the tests, which drive it with
 * {@code EmbeddedChannel}.
 */
final class HttpPipeline {
    private HttpPipeline() {
    }

    static void configure(ChannelPipeline pipeline, HttpSettings settings, Router router, Executor workers) {
        configure(pipeline, settings, router, workers, java.util.Map.of());
    }

    /** With WebSocket endpoints by path: an admitted upgrade replaces the idle timeout and the request handler. */
    static void configure(ChannelPipeline pipeline, HttpSettings settings, Router router, Executor workers,
                          java.util.Map<String, SocketEndpoint> sockets) {
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(settings.maxInitialLineBytes())
                .setMaxHeaderSize(settings.maxHeaderBytes())
                .setMaxChunkSize(8192);
        pipeline.addLast("codec", new HttpServerCodec(decoder));
        pipeline.addLast("body", new HttpObjectAggregator(settings.maxBodyBytes()));
        pipeline.addLast("idle", new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        if (!sockets.isEmpty()) {
            pipeline.addLast("upgrade", new UpgradeHandler(sockets));
        }
        pipeline.addLast("handler", new HttpRequestHandler(router, workers, settings.maxPipelined()));
    }
}
