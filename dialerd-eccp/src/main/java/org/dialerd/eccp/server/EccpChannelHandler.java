package org.dialerd.eccp.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.dialerd.eccp.codec.DecodeFailure;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.protocol.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound stage of a connection: decides where each decoded request is answered and
 * keeps the answers in order. Requests answered from memory ({@link InlineAnswers}) are answered
 * here on the event loop when nothing of the session is in flight; the others go to the session's
 * serial executor on the worker pool, and those that may block on JDBC from there to the database
 * executor. Limits and flow control are the connection's {@link ConnectionFlow} (unanswered
 * requests, a client that does not read), writing is its {@link ReplyWriter} (output limit, flushes).
 */
final class EccpChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(EccpChannelHandler.class);

    private final Dispatcher dispatcher;
    private final SerialExecutor requests;
    private final Executor workers;
    /** Requests that may block on JDBC run here, bounded apart from the workers. */
    private final Executor database;
    private final SessionRegistry registry;
    private final ConnectionFlow flow;
    private final ReplyWriter writer;
    private final java.time.Duration idleTimeout;
    private EccpSession session;

    EccpChannelHandler(Dispatcher dispatcher, Executor workers, Executor database, EccpServerSettings settings,
                       SessionRegistry registry) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.database = database;
        this.registry = registry;
        this.requests = new SerialExecutor(workers);
        this.idleTimeout = settings.idleTimeout();
        this.flow = new ConnectionFlow(settings.maxRequestsInFlight());
        this.writer = new ReplyWriter(settings.maxOutboundBytes(), registry, flow);
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
        flow.closed();
        if (session != null) {
            registry.remove(session);
            log.debug("ECCP client {} disconnected", session.remoteAddress());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof EccpRequest request) {
            boolean inline = answersOnTheEventLoop(ctx, request);
            flow.accepted(ctx);
            if (inline) {
                answerInline(ctx, request);
            } else {
                requests.executeAsync(() -> answer(ctx, request));
            }
        } else if (msg instanceof DecodeFailure failure) {
            flow.accepted(ctx);
            requests.execute(() -> reject(ctx, failure));
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * Requests answered from the engine's published views or the reference data in memory
     * ({@link InlineAnswers}) are microseconds of work that never block: when nothing of the
     * session is still being answered (so order is kept) and the socket takes more, they are
     * answered here, on the event loop, instead of crossing to a worker and back (two thread
     * hand-offs and a wake-up of the event loop per answer, most of a request/response round trip
     * on a busy two-core machine). Their answers are flushed once per read
     * ({@link #channelReadComplete}). Once the socket is not writable, they take the worker path,
     * which waits for writability (a pipelining client that reads is never cut).
     */
    private boolean answersOnTheEventLoop(ChannelHandlerContext ctx, EccpRequest request) {
        return flow.idle() && !flow.isClosing() && ctx.channel().isWritable()
                && dispatcher.answersInMicroseconds(request);
    }

    private void answerInline(ChannelHandlerContext ctx, EccpRequest request) {
        Optional<Dispatcher.Reply> answer = dispatcher.dispatchInline(session, request);
        if (answer.isEmpty()) {
            requests.executeAsync(() -> answer(ctx, request)); // not in memory after all: still in flight
            return;
        }
        try {
            writer.reply(ctx, session, request, answer.get(), true);
        } finally {
            flow.answered(ctx);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        writer.flushIfPending(ctx);
        ctx.fireChannelReadComplete();
    }

    /**
     * Answers once the connection is writable again: a pipelining client that reads is then never
     * mistaken for one that does not (answers from memory come faster than a socket drains). The
     * session's next request waits for this one, so order is kept.
     */
    private CompletableFuture<?> answer(ChannelHandlerContext ctx, EccpRequest request) {
        CompletableFuture<Void> writable = flow.whenWritable(ctx, session.remoteAddress());
        if (writable.isDone()) {
            return answerNow(ctx, request);
        }
        return writable.thenComposeAsync(ignored -> answerNow(ctx, request), workers);
    }

    private CompletableFuture<?> answerNow(ChannelHandlerContext ctx, EccpRequest request) {
        if (flow.isClosing()) {
            flow.answered(ctx);
            return CompletableFuture.completedFuture(null);
        }
        if (!dispatcher.mayUseDatabaseNow(request)) {
            try {
                writer.reply(ctx, session, request, dispatcher.dispatch(session, request), false);
            } finally {
                flow.answered(ctx);
            }
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Dispatcher.Reply> reply;
        try {
            reply = CompletableFuture.supplyAsync(() -> dispatcher.dispatch(session, request), database);
        } catch (RejectedExecutionException e) {
            reply = CompletableFuture.completedFuture(Dispatcher.databaseBusy(request));
        }
        return reply.handle((answer, error) -> {
            try {
                if (answer != null && !flow.isClosing()) {
                    writer.reply(ctx, session, request, answer, false);
                } else if (error != null) {
                    log.error("ECCP {} from {} failed", request.name(), session.remoteAddress(), error);
                }
            } finally {
                flow.answered(ctx);
            }
            return null;
        });
    }

    private void reject(ChannelHandlerContext ctx, DecodeFailure failure) {
        try {
            if (flow.isClosing()) {
                return;
            }
            if (failure.fatal()) {
                log.info("ECCP client {} sent a malformed packet ({}); closing", session.remoteAddress(),
                        failure.reason());
            }
            writer.write(ctx, session, Replies.badRequestWithoutId(), failure.fatal());
        } finally {
            flow.answered(ctx);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        flow.writabilityChanged(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (!flow.idle()) {
                // Still answering: reading is paused by us (in-flight or outbound limit), the client is not idle.
                return;
            }
            log.debug("ECCP client {} idle for {}; closing", session.remoteAddress(), idleTimeout);
            flow.closing();
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("ECCP client {}: {}; closing", session == null ? ctx.channel().remoteAddress()
                : session.remoteAddress(), cause.toString());
        flow.closing();
        ctx.close();
    }
}
