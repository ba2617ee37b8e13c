package org.dialerd.eccp.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The transport under {@link EccpClient}: one TCP connection (optionally TLS) and its pipeline:
 * flush consolidation, {@link RequestEncoder}, {@link AnswerDecoder}, {@link AnswerMatcher} (requests
 * pipelined with numeric ids, answers matched in order, events handed to listeners on the
 * connection's I/O thread: listeners must be quick). Owns the I/O thread unless it shares an
 * {@link EccpClientGroup}'s.
 */
final class EccpConnection implements AutoCloseable {
    private static final int MAX_PACKET_BYTES = 64 * 1024 * 1024;

    private final EventLoopGroup group;
    /** False when the group is an {@link EccpClientGroup}'s, shared with other connections. */
    private final boolean ownsGroup;
    private final AnswerMatcher answers = new AnswerMatcher();
    private final Channel channel;

    /** {@code tls} empty: plain TCP. With TLS, the handshake is done before this returns. */
    EccpConnection(String host, int port, Duration connectTimeout, Optional<ClientTls> tls) {
        this(host, port, connectTimeout, tls, ownGroup(), true);
    }

    /** Over a shared I/O group ({@link EccpClientGroup}), which this connection never shuts down. */
    EccpConnection(String host, int port, Duration connectTimeout, EventLoopGroup shared) {
        this(host, port, connectTimeout, Optional.empty(), shared, false);
    }

    static EventLoopGroup ownGroup() {
        return new NioEventLoopGroup(1, runnable -> {
            Thread thread = new Thread(runnable, "eccp-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    private EccpConnection(String host, int port, Duration connectTimeout, Optional<ClientTls> tls,
                           EventLoopGroup group, boolean ownsGroup) {
        this.group = group;
        this.ownsGroup = ownsGroup;
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        tls.ifPresent(t -> ch.pipeline().addLast("tls", t.newHandler(ch.alloc(), host, port)));
                        // Requests sent from an answer's callback (a pipelining client) are written
                        // during the read loop: one flush when it ends instead of one syscall each.
                        // Outside a read loop a request is flushed at once, as before.
                        ch.pipeline().addLast(new FlushConsolidationHandler(256, false), new RequestEncoder(),
                                new AnswerDecoder(MAX_PACKET_BYTES), answers);
                    }
                });
        try {
            channel = bootstrap.connect(host, port).sync().channel();
            SslHandler handshake = channel.pipeline().get(SslHandler.class);
            if (handshake != null && !handshake.handshakeFuture().await(connectTimeout.toMillis())) {
                channel.close();
                throw new EccpClientException("TLS handshake with " + host + ":" + port + " took longer than "
                        + connectTimeout);
            }
            if (handshake != null && !handshake.handshakeFuture().isSuccess()) {
                channel.close();
                Throwable cause = handshake.handshakeFuture().cause();
                throw new EccpClientException("TLS handshake with " + host + ":" + port + " failed: "
                        + cause.getMessage(), cause);
            }
        } catch (InterruptedException e) {
            shutdownOwnGroup();
            Thread.currentThread().interrupt();
            throw new EccpClientException("interrupted while connecting to " + host + ":" + port, e);
        } catch (EccpClientException e) {
            shutdownOwnGroup();
            throw e;
        } catch (RuntimeException e) {
            shutdownOwnGroup();
            throw new EccpClientException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Sends {@code <request id="N">body</request>}; completes with the answer. */
    CompletableFuture<EccpResponse> send(XmlElement body) {
        return answers.send(body);
    }

    /** {@link #send}, then waits for the answer; every way of not getting one is an {@link EccpClientException}. */
    EccpResponse sendAndWait(XmlElement body, Duration timeout) {
        try {
            return send(body).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EccpClientException("interrupted waiting for " + body.name(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof EccpClientException c ? c
                    : new EccpClientException(body.name() + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new EccpClientException("no answer to " + body.name() + " within " + timeout, e);
        }
    }

    void addEventListener(Consumer<XmlElement> listener) {
        answers.addEventListener(listener);
    }

    boolean isOpen() {
        return channel.isActive();
    }

    /** Completes when the server closes the connection. */
    CompletableFuture<Void> closed() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.closeFuture().addListener(future -> closed.complete(null));
        return closed;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private void shutdownOwnGroup() {
        if (ownsGroup) {
            group.shutdownGracefully();
        }
    }
}
