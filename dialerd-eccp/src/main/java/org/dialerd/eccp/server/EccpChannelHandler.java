package org.dialerd.eccp.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialerd.eccp.codec.DecodeFailure;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound stage of a connection: hands decoded requests to the session's serial
 * executor (off the event loop) and writes the replies in order. Limits: at most
 * {@code maxRequestsInFlight} unanswered requests (reading pauses, the client is not
 * dropped), and at most {@code maxOutboundBytes} queued for a client that does not read
 * (the connection is closed: one slow client never holds memory meant for the others).
 */
final class EccpChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(EccpChannelHandler.class);

    /** Requests after which the session's event subscription may have changed. */
    private static final java.util.Set<String> SUBSCRIPTION_REQUESTS = java.util.Set.of("login", "filterbyagent");

    private final Dispatcher dispatcher;
    private final SerialExecutor requests;
    /** Requests that may block on JDBC run here, bounded apart from the workers. */
    private final Executor database;
    private final EccpServerSettings settings;
    private final SessionRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private EccpSession session;
    private volatile boolean closing;
    private final Executor workers;
    /** How long answers wait for a connection to become writable before the client counts as not reading. */
    private static final java.time.Duration NOT_READING = java.time.Duration.ofSeconds(5);
    /** Completed when the channel is writable again (or closed); the session's next answer waits on it. */
    private volatile java.util.concurrent.CompletableFuture<Void> whenWritable;
    /** Answers written on the event loop during this read and not flushed yet (event loop only). */
    private boolean unflushed;

    EccpChannelHandler(Dispatcher dispatcher, Executor workers, Executor database, EccpServerSettings settings,
                       SessionRegistry registry) {
        this.dispatcher = dispatcher;
        this.database = database;
        this.registry = registry;
        this.requests = new SerialExecutor(workers);
        this.workers = workers;
        this.settings = settings;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        session = new EccpSession(String.valueOf(remote), remote instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(remote));
        log.debug("ECCP client {} connected", session.remoteAddress());
        ctx.fireChannelActive();
    }

    /** The in-memory warm-up's session counts as logged in without a login (which reads the database). */
    void loggedInForWarmup() {
        session.loggedIn("dialerd-warmup", "warmup");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        writableAgain();
        if (session != null) {
            registry.remove(session);
            log.debug("ECCP client {} disconnected", session.remoteAddress());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof EccpRequest request) {
            if (answersOnTheEventLoop(ctx, request)) {
                accepted(ctx);
                answerInline(ctx, request);
                return;
            }
            accepted(ctx);
            requests.executeAsync(() -> answer(ctx, request));
        } else if (msg instanceof DecodeFailure failure) {
            accepted(ctx);
            requests.execute(() -> reject(ctx, failure));
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * Requests answered from the engine's published views or the reference data in memory
     * ({@link InlineAnswers}) are microseconds of work that never block: when nothing of the
     * session is still being answered (so order is kept) and the socket takes more, they are
     * answered here, on the event loop, instead of crossing to a worker and back (two thread hand-offs and a wake-up of the
     * event loop per answer, most of a request/response round trip on a busy two-core machine).
     * Their answers are flushed once per read ({@link #channelReadComplete}). Once the socket is not
     * writable, they take the worker path, which waits for writability (a pipelining client that reads
     * is never cut).
     */
    private boolean answersOnTheEventLoop(ChannelHandlerContext ctx, EccpRequest request) {
        return inFlight.get() == 0 && !closing && ctx.channel().isWritable()
                && dispatcher.answersInMicroseconds(request);
    }

    private void answerInline(ChannelHandlerContext ctx, EccpRequest request) {
        java.util.Optional<Dispatcher.Reply> answer = dispatcher.dispatchInline(session, request);
        if (answer.isEmpty()) {
            requests.executeAsync(() -> answer(ctx, request)); // not in memory after all: still in flight
            return;
        }
        try {
            Dispatcher.Reply reply = answer.get();
            if (session.isLoggedIn() && SUBSCRIPTION_REQUESTS.contains(request.name())) {
                registry.update(session, ctx.channel());
            }
            write(ctx, reply.packet(), reply.close(), false);
            unflushed = !reply.close();
        } finally {
            answered(ctx);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.channel().flush();
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * Answers once the connection is writable again: a pipelining client that reads is then never
     * mistaken for one that does not (answers from memory come faster than a socket drains). The
     * session's next request waits for this one, so order is kept.
     */
    private java.util.concurrent.CompletableFuture<?> answer(ChannelHandlerContext ctx, EccpRequest request) {
        if (closing || ctx.channel().isWritable() || !ctx.channel().isActive()) {
            return answerNow(ctx, request);
        }
        java.util.concurrent.CompletableFuture<Void> writable = new java.util.concurrent.CompletableFuture<>();
        whenWritable = writable;
        if (ctx.channel().isWritable() || !ctx.channel().isActive() || closing) {
            writable.complete(null);
        }
        // A client that reads drains the buffer in far less; one that does not is cut, as before.
        ctx.executor().schedule(() -> {
            if (!writable.isDone()) {
                log.warn("ECCP client {} does not read its replies ({} bytes queued for {} s); closing",
                        session.remoteAddress(), pendingOutboundBytes(ctx.channel()), NOT_READING.toSeconds());
                closing = true;
                ctx.channel().close();
                writable.complete(null);
            }
        }, NOT_READING.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return writable.thenComposeAsync(ignored -> answerNow(ctx, request), workers);
    }

    private void writableAgain() {
        java.util.concurrent.CompletableFuture<Void> waiting = whenWritable;
        if (waiting != null) {
            whenWritable = null;
            waiting.complete(null);
        }
    }

    private java.util.concurrent.CompletableFuture<?> answerNow(ChannelHandlerContext ctx, EccpRequest request) {
        if (closing) {
            answered(ctx);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        if (!dispatcher.mayUseDatabaseNow(request)) {
            try {
                reply(ctx, request, dispatcher.dispatch(session, request));
            } finally {
                answered(ctx);
            }
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        java.util.concurrent.CompletableFuture<Dispatcher.Reply> reply;
        try {
            reply = java.util.concurrent.CompletableFuture.supplyAsync(() -> dispatcher.dispatch(session, request),
                    database);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            reply = java.util.concurrent.CompletableFuture.completedFuture(Dispatcher.databaseBusy(request));
        }
        return reply.handle((answer, error) -> {
            try {
                if (answer != null && !closing) {
                    reply(ctx, request, answer);
                } else if (error != null) {
                    log.error("ECCP {} from {} failed", request.name(), session.remoteAddress(), error);
                }
            } finally {
                answered(ctx);
            }
            return null;
        });
    }

    private void reply(ChannelHandlerContext ctx, EccpRequest request, Dispatcher.Reply reply) {
        if (session.isLoggedIn() && SUBSCRIPTION_REQUESTS.contains(request.name())) {
            registry.update(session, ctx.channel());
        }
        write(ctx, reply.packet(), reply.close());
    }

    private void reject(ChannelHandlerContext ctx, DecodeFailure failure) {
        try {
            if (closing) {
                return;
            }
            if (failure.fatal()) {
                log.info("ECCP client {} sent a malformed packet ({}); closing", session.remoteAddress(),
                        failure.reason());
            }
            write(ctx, Replies.badRequestWithoutId(), failure.fatal());
        } finally {
            answered(ctx);
        }
    }

    private void write(ChannelHandlerContext ctx, XmlElement packet, boolean close) {
        write(ctx, packet, close, true);
    }

    private void write(ChannelHandlerContext ctx, XmlElement packet, boolean close, boolean flush) {
        Channel channel = ctx.channel();
        if (pendingOutboundBytes(channel) > settings.maxOutboundBytes()) {
            log.warn("ECCP client {} does not read its replies ({} bytes queued); closing",
                    session.remoteAddress(), pendingOutboundBytes(channel));
            closing = true;
            channel.close();
            return;
        }
        if (close) {
            closing = true;
            channel.writeAndFlush(packet).addListener(ChannelFutureListener.CLOSE);
        } else if (flush) {
            channel.writeAndFlush(packet, channel.voidPromise());
        } else {
            channel.write(packet, channel.voidPromise());
        }
    }

    private static long pendingOutboundBytes(Channel channel) {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    private void accepted(ChannelHandlerContext ctx) {
        if (inFlight.incrementAndGet() >= settings.maxRequestsInFlight()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    /**
     * Counted on the event loop: an answer written from a worker is a task queued there, and a
     * request answered on the event loop ({@link #answerInline}) must not overtake it. The count
     * drops behind the write in the same task queue, so "nothing in flight" means "written".
     */
    private void answered(ChannelHandlerContext ctx) {
        if (!ctx.executor().inEventLoop()) {
            try {
                ctx.executor().execute(() -> answered(ctx));
                return;
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                // The event loop is gone (server stopping): nothing will be written or read any more.
            }
        }
        if (inFlight.decrementAndGet() == settings.maxRequestsInFlight() / 2) {
            updateReading(ctx);
        }
    }

    private void updateReading(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        boolean read = !closing && channel.isWritable() && inFlight.get() < settings.maxRequestsInFlight();
        if (read != channel.config().isAutoRead()) {
            channel.config().setAutoRead(read);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateReading(ctx);
        if (ctx.channel().isWritable()) {
            writableAgain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (inFlight.get() > 0) {
                // Still answering: reading is paused by us (in-flight or outbound limit), the client is not idle.
                return;
            }
            log.debug("ECCP client {} idle for {}; closing", session.remoteAddress(), settings.idleTimeout());
            closing = true;
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("ECCP client {}: {}; closing", session == null ? ctx.channel().remoteAddress()
                : session.remoteAddress(), cause.toString());
        closing = true;
        ctx.close();
    }
}
