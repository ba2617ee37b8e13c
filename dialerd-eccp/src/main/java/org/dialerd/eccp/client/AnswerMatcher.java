package org.dialerd.eccp.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dialerd.eccp.codec.DecodeFailure;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The last stage of a client connection's pipeline: numbers the requests, matches each answer to
 * the oldest unanswered request (the server answers in request order; a 400 without id belongs to
 * the oldest), and hands {@code <event>} packets to the listeners on the I/O thread, between the
 * answers as they arrive.
 *
 * <pre>{@code
 * send(<getpauses/>)          -> writes OutgoingRequest("1", <getpauses/>), queues request 1
 * <response id="1">...        -> completes request 1
 * <event><agentlinked>...     -> every listener, in order, on the I/O thread
 * <response><failure>400      -> completes the oldest request (a 400 carries no id)
 * }</pre>
 *
 * <p>The queue of unanswered requests belongs to the channel's event loop: a request sent from
 * another thread is queued and written in one task there, so the queue's order is the wire's
 * order (a request sent from an answer's callback, on the event loop, is written at once and
 * cannot overtake one still waiting for its task).
 */
final class AnswerMatcher extends SimpleChannelInboundHandler<Object> {
    private record Pending(String id, CompletableFuture<EccpResponse> answer) {}

    /** Event loop only. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final CopyOnWriteArrayList<Consumer<XmlElement>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile Channel channel;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        channel.closeFuture().addListener(future -> failPending(new EccpClientException("connection closed")));
    }

    /** Sends {@code <request id="N">body</request>}; completes with the answer. */
    CompletableFuture<EccpResponse> send(XmlElement body) {
        Pending request = new Pending(Long.toString(nextId.getAndIncrement()), new CompletableFuture<>());
        if (channel.eventLoop().inEventLoop()) {
            enqueueAndWrite(request, body);
        } else {
            try {
                channel.eventLoop().execute(() -> enqueueAndWrite(request, body));
            } catch (RejectedExecutionException e) {
                request.answer().completeExceptionally(new EccpClientException("connection closed", e));
            }
        }
        return request.answer();
    }

    private void enqueueAndWrite(Pending request, XmlElement body) {
        if (!channel.isActive()) {
            request.answer().completeExceptionally(new EccpClientException("connection closed"));
            return;
        }
        pending.add(request);
        channel.writeAndFlush(new OutgoingRequest(request.id(), body));
    }

    void addEventListener(Consumer<XmlElement> listener) {
        listeners.add(listener);
    }

    /** Fails every unanswered request; on the event loop (or once it is gone). */
    private void failPending(EccpClientException reason) {
        if (!channel.eventLoop().inEventLoop()) {
            try {
                channel.eventLoop().execute(() -> failPending(reason));
                return;
            } catch (RejectedExecutionException stopped) {
                // the event loop has stopped: nothing else touches the queue any more
            }
        }
        Pending p;
        while ((p = pending.poll()) != null) {
            p.answer().completeExceptionally(reason);
        }
    }

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
