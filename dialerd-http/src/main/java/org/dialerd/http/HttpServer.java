package org.dialerd.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 listener: health, metrics, and later the JSON API and consoles, all routed by
 * one {@link Router}. Pipeline per connection: {@link HttpPipeline} (codec with the limits of
 * {@link HttpSettings}, idle timeout, {@link HttpRequestHandler}). Handlers run on a small
 * worker pool, never on the event loop.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final HttpSettings settings;
    private final Router router;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, named("http-accept"));
    private final EventLoopGroup io = new NioEventLoopGroup(1, named("http-io"));
    private final ExecutorService workers;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final java.util.Map<String, SocketEndpoint> sockets;
    private final java.util.Optional<io.netty.handler.ssl.SslContext> tls;
    private Channel listener;

    public HttpServer(HttpSettings settings, Router router) {
        this(settings, router, java.util.List.of());
    }

    /**
     * With WebSocket endpoints; HTTPS only when the settings name a certificate (read and checked
     * here: a file that cannot be used fails with the setting, the path and the reason).
     */
    public HttpServer(HttpSettings settings, Router router, java.util.List<SocketEndpoint> sockets) {
        this.settings = settings;
        this.router = router;
        this.tls = settings.tls().map(t -> org.dialerd.eccp.tls.ServerTls.context("http.tls_certificate",
                t.certificate(), "http.tls_key", t.key()));
        java.util.Map<String, SocketEndpoint> byPath = new java.util.HashMap<>();
        sockets.forEach(socket -> byPath.put(socket.path(), socket));
        this.sockets = java.util.Map.copyOf(byPath);
        this.workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.maxQueuedRequests()), named("http-worker"));
    }

    /** Binds the port; fails with {@link HttpException} naming the address if it cannot. */
    public HttpServer start() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        tls.ifPresent(context -> channel.pipeline().addLast("tls", context.newHandler(channel.alloc())));
                        HttpPipeline.configure(channel.pipeline(), settings, router, workers, sockets);
                    }
                });
        try {
            listener = bootstrap.bind(settings.bindAddress(), settings.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new HttpException("interrupted while binding the HTTP port", e);
        } catch (Exception e) { // a BindException, thrown by sync() although not declared
            close();
            throw new HttpException("cannot listen for HTTP on " + settings.bindAddress() + ":" + settings.port()
                    + " (http.bind_address, http.port): " + e.getMessage(), e);
        }
        log.info("HTTP{} listening on {}:{} ({})", tls.isPresent() ? "S" : "", settings.bindAddress(), port(),
                String.join(", ", router.patterns()));
        return this;
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops accepting, closes the connections, lets running handlers finish; each step bounded. */
    @Override
    public void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        channels.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        io.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        if (listener != null) {
            log.info("HTTP listener stopped");
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
