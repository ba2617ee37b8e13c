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
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialerd.eccp.codec.EccpFrameDecoder;
import org.dialerd.eccp.codec.EccpPacketEncoder;
import org.dialerd.eccp.codec.EccpRequestDecoder;
import org.dialerd.eccp.protocol.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECCP TCP listener. Pipeline per connection: allowlist check → idle timeout → frame
 * splitter (well-formedness, packet size) → request decoder → encoder → request handler.
 * Requests run on a worker pool, one at a time per session.
 */
public final class EccpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EccpServer.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final EccpServerSettings settings;
    private final Dispatcher dispatcher;
    private final SessionRegistry registry;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, named("eccp-accept"));
    private final EventLoopGroup io = new NioEventLoopGroup(0, named("eccp-io"));
    private final ExecutorService workers;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel listener;

    public EccpServer(EccpServerSettings settings, Dispatcher dispatcher, SessionRegistry registry) {
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named("eccp-worker"));
    }

    public EccpServer start() {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        configure(channel);
                    }
                });
        try {
            listener = bootstrap.bind(settings.bindAddress(), settings.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding ECCP port", e);
        }
        log.info("ECCP listening on {}:{}", settings.bindAddress(), port());
        return this;
    }

    private void configure(SocketChannel channel) {
        String address = channel.remoteAddress().getAddress().getHostAddress();
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("encoder", new EccpPacketEncoder());
        if (!settings.allowedClients().isEmpty() && !settings.allowedClients().contains(address)) {
            log.warn("ECCP connection from {} refused: address not in eccp.allowed_clients", address);
            pipeline.addLast("refuse", new RefuseConnection());
            return;
        }
        channels.add(channel);
        long idleSeconds = settings.idleTimeout().toSeconds();
        pipeline.addLast("idle", new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS));
        pipeline.addLast("frames", new EccpFrameDecoder(settings.maxPacketBytes()));
        pipeline.addLast("requests", new EccpRequestDecoder());
        pipeline.addLast("handler", new EccpChannelHandler(dispatcher, workers, settings, registry));
    }

    /** Tells a client outside the allowlist why, then closes. */
    private static final class RefuseConnection extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(Replies.response(null, Replies.failureElement(401, "Connection refused")))
                    .addListener(future -> ctx.close());
        }
    }

    /** Open ECCP connections (those refused by the allowlist are not counted). */
    public int connections() {
        return channels.size();
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops accepting, closes every connection, lets running requests finish, each step bounded. */
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
        log.info("ECCP listener stopped");
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
