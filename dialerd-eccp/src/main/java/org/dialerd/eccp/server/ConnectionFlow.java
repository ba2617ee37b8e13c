package org.dialerd.eccp.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's flow control: how many of its requests are unanswered (reading pauses at
 * {@code eccp.max_requests_in_flight} and resumes at half of it; the client is not dropped),
 * whether the connection is closing, and the wait of an answer for a socket that takes no more
 * output (a client that reads drains it in far less than {@link #NOT_READING}; one that does not is
 * closed). Counts change on the event loop only, so "nothing in flight" means "written".
 */
final class ConnectionFlow {
    private static final Logger log = LoggerFactory.getLogger(ConnectionFlow.class);
    /** How long answers wait for a connection to become writable before the client counts as not reading. */
    static final Duration NOT_READING = Duration.ofSeconds(5);

    private final int maxRequestsInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;
    /** Completed when the channel is writable again (or closed); the session's next answer waits on it. */
    private volatile CompletableFuture<Void> whenWritable;

    ConnectionFlow(int maxRequestsInFlight) {
        this.maxRequestsInFlight = maxRequestsInFlight;
    }

    boolean isClosing() {
        return closing;
    }

    /** Nothing more is answered or read on this connection (it is being closed). */
    void closing() {
        closing = true;
    }

    /** The connection is closed: an answer waiting for writability goes on, and stops there. */
    void closed() {
        closing = true;
        writableAgain();
    }

    /** Nothing of the session is being answered: a request answered now cannot overtake another's answer. */
    boolean idle() {
        return inFlight.get() == 0;
    }

    /** A request was accepted for an answer: past the limit, reading pauses. */
    void accepted(ChannelHandlerContext ctx) {
        if (inFlight.incrementAndGet() >= maxRequestsInFlight) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    /**
     * Counted on the event loop: an answer written from a worker is a task queued there, and a
     * request answered on the event loop must not overtake it. The count drops behind the write in
     * the same task queue, so "nothing in flight" means "written".
     */
    void answered(ChannelHandlerContext ctx) {
        if (!ctx.executor().inEventLoop()) {
            try {
                ctx.executor().execute(() -> answered(ctx));
                return;
            } catch (RejectedExecutionException shutDown) {
                // The event loop is gone (server stopping): nothing will be written or read any more.
            }
        }
        if (inFlight.decrementAndGet() == maxRequestsInFlight / 2) {
            updateReading(ctx);
        }
    }

    /** Reads while the connection is open, writable and under its in-flight limit. */
    void updateReading(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        boolean read = !closing && channel.isWritable() && inFlight.get() < maxRequestsInFlight;
        if (read != channel.config().isAutoRead()) {
            channel.config().setAutoRead(read);
        }
    }

    /** The channel's writability changed (event loop). */
    void writabilityChanged(ChannelHandlerContext ctx) {
        updateReading(ctx);
        if (ctx.channel().isWritable()) {
            writableAgain();
        }
    }

    /**
     * Completes at once when the connection takes output (or is closed or closing), else once it
     * does; a client that does not read for {@link #NOT_READING} is closed and the future completes.
     */
    CompletableFuture<Void> whenWritable(ChannelHandlerContext ctx, String client) {
        if (closing || ctx.channel().isWritable() || !ctx.channel().isActive()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> writable = new CompletableFuture<>();
        whenWritable = writable;
        if (ctx.channel().isWritable() || !ctx.channel().isActive() || closing) {
            writable.complete(null);
        }
        ctx.executor().schedule(() -> {
            if (!writable.isDone()) {
                log.warn("ECCP client {} does not read its replies ({} bytes queued for {} s); closing",
                        client, pendingOutboundBytes(ctx.channel()), NOT_READING.toSeconds());
                closing = true;
                ctx.channel().close();
                writable.complete(null);
            }
        }, NOT_READING.toMillis(), TimeUnit.MILLISECONDS);
        return writable;
    }

    private void writableAgain() {
        CompletableFuture<Void> waiting = whenWritable;
        if (waiting != null) {
            whenWritable = null;
            waiting.complete(null);
        }
    }

    static long pendingOutboundBytes(Channel channel) {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }
}
