package org.dialerd.eccp.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.eccp.codec.EccpFrameDecoder;
import org.dialerd.eccp.codec.EccpPacketEncoder;
import org.dialerd.eccp.codec.EccpRequestDecoder;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.tls.ServerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECCP listeners: plain TCP ({@code eccp.port}) and/or TLS ({@code eccp.tls_port}), both with
 * the same pipeline after the TLS stage. Pipeline per connection: [TLS] → encoder → connection
 * limit and allowlist check → idle timeout → frame splitter (well-formedness, packet size) →
 * request decoder → request handler. Requests run on a worker pool, one at a time per session.
 */
public final class EccpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EccpServer.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;
    /** Unread output past which reading pauses; at most this, and at most half of max_outbound_bytes. */
    private static final int MAX_HIGH_WATER_MARK = 1024 * 1024;
    private static final int DATABASE_QUEUE = 4096;

    private final EccpServerSettings settings;
    private final Dispatcher dispatcher;
    private final SessionRegistry registry;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, named("eccp-accept"));
    private final EventLoopGroup io = new NioEventLoopGroup(0, named("eccp-io"));
    private final ExecutorService workers;
    /**
     * Requests that may block on JDBC: as many threads as the workers, and a bounded queue
     * (past it: 503 at once), so getagentstatus and the event path never wait behind them.
     */
    private final ExecutorService database;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong refusedForLimit = new AtomicLong();
    private Optional<Channel> plainListener = Optional.empty();
    private Optional<Channel> tlsListener = Optional.empty();

    public EccpServer(EccpServerSettings settings, Dispatcher dispatcher, SessionRegistry registry) {
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("eccp-worker"));
        this.database = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(DATABASE_QUEUE), named("eccp-database"));
    }

    /**
     * Binds the configured listeners. A TLS certificate or key that cannot be used fails here with
     * an {@link IllegalArgumentException} naming the setting and the file.
     */
    public EccpServer start() {
        Optional<SslContext> tls = settings.tls().map(ServerTls::context);
        if (settings.warmupRequests() > 0) {
            EccpWarmup warmup = new EccpWarmup(dispatcher, workers, database, settings);
            String agent = warmupAgent();
            warmup.run(settings.warmupRequests(), agent);
            warmOverLoopback(warmup.bodies(agent), settings.warmupRequests() / 2);
        }
        try {
            if (settings.plainEnabled()) {
                plainListener = Optional.of(bind(settings.bindAddress(), settings.port(), Optional.empty()));
                log.info("ECCP listening on {}:{}", settings.bindAddress(), port());
            }
            if (tls.isPresent()) {
                EccpTlsSettings tlsSettings = settings.tls().get();
                tlsListener = Optional.of(bind(tlsSettings.bindAddress(), tlsSettings.port(), tls));
                log.info("ECCP over TLS listening on {}:{}", tlsSettings.bindAddress(), tlsPort());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * The warm-up's socket part ({@link SocketWarmup}): a listener of the same pipeline on an
     * ephemeral loopback port, open only meanwhile. A failure there costs the warm-up, not the start.
     */
    private void warmOverLoopback(java.util.List<String> bodies, int requests) {
        Channel listener = null;
        try {
            listener = bootstrap(Optional.empty(), true).bind(java.net.InetAddress.getLoopbackAddress(), 0).sync()
                    .channel();
            SocketWarmup.Report report = SocketWarmup.run(((InetSocketAddress) listener.localAddress()).getPort(),
                    requests, bodies);
            log.info("ECCP warm-up over loopback: {} requests in {} ms", report.requests(), report.took().toMillis());
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("ECCP warm-up over loopback stopped: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (listener != null) {
                listener.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    /** A known agent, so the warm-up takes the path of a real getagentstatus answer. */
    private String warmupAgent() {
        return dispatcher.services().agents().all().stream().filter(org.dialerd.core.agent.Agent::active)
                .map(org.dialerd.core.agent.Agent::channel).findFirst().orElse("Agent/1");
    }

    private Channel bind(String address, int port, Optional<SslContext> tls) {
        try {
            return bootstrap(tls, false).bind(address, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding ECCP port " + port, e);
        }
    }

    /** {@code warmup}: the start-up warm-up's listener, whose sessions count as logged in (see {@link SocketWarmup}). */
    private ServerBootstrap bootstrap(Optional<SslContext> tls, boolean warmup) {
        int highWaterMark = Math.min(MAX_HIGH_WATER_MARK, settings.maxOutboundBytes() / 2);
        return new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(highWaterMark / 2, highWaterMark))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (warmup) {
                            configureWarmup(channel);
                        } else {
                            configure(channel, tls);
                        }
                    }
                });
    }

    /** The pipeline of {@link #configure} without the limits (the warm-up's own client), its session logged in. */
    private void configureWarmup(SocketChannel channel) {
        EccpChannelHandler handler = new EccpChannelHandler(dispatcher, workers, database, settings, registry);
        channel.pipeline().addLast("encoder", new EccpPacketEncoder())
                .addLast("idle", new IdleStateHandler(settings.idleTimeout().toSeconds(), 0, 0, TimeUnit.SECONDS))
                .addLast("frames", new EccpFrameDecoder(settings.maxPacketBytes()))
                .addLast("requests", new EccpRequestDecoder())
                .addLast("handler", handler)
                .addLast("warmup-login", new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelActive(ChannelHandlerContext ctx) {
                        handler.loggedInForWarmup(); // after the handler's own channelActive made the session
                        ctx.fireChannelActive();
                    }
                });
    }

    private void configure(SocketChannel channel, Optional<SslContext> tls) {
        String address = channel.remoteAddress().getAddress().getHostAddress();
        ChannelPipeline pipeline = channel.pipeline();
        tls.ifPresent(context -> pipeline.addLast("tls", context.newHandler(channel.alloc())));
        pipeline.addLast("encoder", new EccpPacketEncoder());
        int open = connections.incrementAndGet();
        channel.closeFuture().addListener(future -> connections.decrementAndGet());
        if (open > settings.maxConnections()) {
            // Logged once per 1000 so that a connection flood does not also flood the log.
            if (refusedForLimit.getAndIncrement() % 1000 == 0) {
                log.warn("ECCP connection from {} refused: eccp.max_connections ({}) reached ({} refused so far)",
                        address, settings.maxConnections(), refusedForLimit.get());
            }
            pipeline.addLast("refuse", new RefuseConnection(503, "Too many connections"));
            return;
        }
        if (!settings.allowedClients().isEmpty() && !settings.allowedClients().contains(address)) {
            log.warn("ECCP connection from {} refused: address not in eccp.allowed_clients", address);
            pipeline.addLast("refuse", new RefuseConnection(401, "Connection refused"));
            return;
        }
        channels.add(channel);
        long idleSeconds = settings.idleTimeout().toSeconds();
        pipeline.addLast("idle", new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS));
        pipeline.addLast("frames", new EccpFrameDecoder(settings.maxPacketBytes()));
        pipeline.addLast("requests", new EccpRequestDecoder());
        pipeline.addLast("handler", new EccpChannelHandler(dispatcher, workers, database, settings, registry));
    }

    /** Tells a refused client why (allowlist, connection limit), then closes. */
    private static final class RefuseConnection extends ChannelInboundHandlerAdapter {
        private final int code;
        private final String message;

        RefuseConnection(int code, String message) {
            this.code = code;
            this.message = message;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Replies.response(null, Replies.failureElement(code, message)))
                    .addListener(future -> ctx.close());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg); // whatever a refused client sends is dropped unread
        }
    }

    /** Open ECCP connections (those refused by the allowlist are not counted). */
    public int connections() {
        return channels.size();
    }

    /** The bound plain-TCP port (useful when started on port 0); fails when the plain port is off. */
    public int port() {
        return boundPort(plainListener, "the plain ECCP port is off (eccp.port = off)");
    }

    /** The bound TLS port; fails when no TLS listener is configured. */
    public int tlsPort() {
        return boundPort(tlsListener, "no ECCP TLS listener (eccp.tls_port) is configured");
    }

    private static int boundPort(Optional<Channel> listener, String absent) {
        return listener.map(channel -> ((InetSocketAddress) channel.localAddress()).getPort())
                .orElseThrow(() -> new IllegalStateException(absent));
    }

    /** Stops accepting, closes every connection, lets running requests finish, each step bounded. */
    @Override
    public void close() {
        plainListener.ifPresent(l -> l.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        tlsListener.ifPresent(l -> l.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        channels.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        stop(database);
        stop(workers);
        io.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        log.info("ECCP listener stopped");
    }

    private static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
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
