package org.dialerd.eccp.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dialerd.eccp.codec.DecodeFailure;
import org.dialerd.eccp.codec.EccpFrameDecoder;
import org.dialerd.eccp.codec.EccpPacketEncoder;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The transport under {@link EccpClient}: one TCP connection, requests pipelined with
 * numeric ids, answers matched to requests in order (the server answers in request order;
 * a 400 without id belongs to the oldest unanswered request), events handed to listeners
 * on the connection's I/O thread (listeners must be quick).
 */
final class EccpConnection implements AutoCloseable {
    private static final int MAX_PACKET_BYTES = 64 * 1024 * 1024;

    private record Pending(String id, CompletableFuture<EccpResponse> answer) {}

    private final EventLoopGroup group;
    /** False when the group is an {@link EccpClientGroup}'s, shared with other connections. */
    private final boolean ownsGroup;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<Consumer<XmlElement>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);
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
                        ch.pipeline().addLast(new FlushConsolidationHandler(256, false), new EccpPacketEncoder(),
                                new EccpFrameDecoder(MAX_PACKET_BYTES), new Inbound());
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
        channel.closeFuture().addListener(future -> failPending(new EccpClientException("connection closed")));
    }

    /** Sends {@code <request id="N">body</request>}; completes with the answer. */
    CompletableFuture<EccpResponse> send(XmlElement body) {
        String id = Long.toString(nextId.getAndIncrement());
        CompletableFuture<EccpResponse> answer = new CompletableFuture<>();
        XmlElement request = XmlElement.builder("request").attribute("id", id).add(body).build();
        // Enqueue and write in one step on the I/O thread, so the queue order is the wire order.
        // A lock is not enough: a write from another thread is queued as a task on the I/O
        // thread, and a write made on it meanwhile (from an answer's callback) goes out first.
        if (channel.eventLoop().inEventLoop()) {
            enqueueAndWrite(new Pending(id, answer), request);
        } else {
            try {
                channel.eventLoop().execute(() -> enqueueAndWrite(new Pending(id, answer), request));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                answer.completeExceptionally(new EccpClientException("connection closed", e));
            }
        }
        return answer;
    }

    private void enqueueAndWrite(Pending request, XmlElement packet) {
        if (!channel.isActive()) {
            request.answer().completeExceptionally(new EccpClientException("connection closed"));
            return;
        }
        pending.add(request);
        channel.writeAndFlush(packet);
    }

    void addEventListener(Consumer<XmlElement> listener) {
        listeners.add(listener);
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

    private void failPending(EccpClientException reason) {
        Pending p;
        while ((p = pending.poll()) != null) {
            p.answer().completeExceptionally(reason);
        }
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

    private final class Inbound extends SimpleChannelInboundHandler<Object> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof DecodeFailure failure) {
                failPending(new EccpClientException("unreadable packet from server: " + failure.reason()));
                ctx.close();
                return;
            }
            XmlElement packet = (XmlElement) msg;
            if (packet.name().equals("event")) {
                for (Consumer<XmlElement> listener : listeners) {
                    listener.accept(packet);
                }
                return;
            }
            Pending oldest = pending.poll();
            if (oldest == null || packet.children().size() != 1) {
                return;
            }
            String id = packet.attribute("id").orElse(oldest.id());
            if (!id.equals(oldest.id())) {
                oldest.answer().completeExceptionally(new EccpClientException(
                        "answer for request " + id + " arrived while " + oldest.id() + " was expected"));
                return;
            }
            oldest.answer().complete(new EccpResponse(id, packet.children().get(0)));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failPending(new EccpClientException("connection failed: " + cause.getMessage(), cause));
            ctx.close();
        }
    }

}
