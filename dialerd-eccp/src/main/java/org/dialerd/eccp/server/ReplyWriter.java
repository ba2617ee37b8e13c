package org.dialerd.eccp.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.Set;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one connection's answers: refuses to queue past {@code eccp.max_outbound_bytes} for a
 * client that does not read (the connection is closed: one slow client never holds memory meant
 * for the others), closes after an answer that says so, refiles the session for events after
 * login and filterbyagent, and flushes answers written on the event loop once per read
 * ({@link #flushIfPending}) instead of once per answer.
 */
final class ReplyWriter {
    private static final Logger log = LoggerFactory.getLogger(ReplyWriter.class);
    /** Requests after which the session's event subscription may have changed. */
    private static final Set<String> SUBSCRIPTION_REQUESTS = Set.of("login", "filterbyagent");

    private final long maxOutboundBytes;
    private final SessionRegistry registry;
    private final ConnectionFlow flow;
    /** Answers written on the event loop during this read and not flushed yet (event loop only). */
    private boolean unflushed;

    ReplyWriter(long maxOutboundBytes, SessionRegistry registry, ConnectionFlow flow) {
        this.maxOutboundBytes = maxOutboundBytes;
        this.registry = registry;
        this.flow = flow;
    }

    /** An answer, flushed at once (from a worker) or at the end of the read ({@code onEventLoop}). */
    void reply(ChannelHandlerContext ctx, EccpSession session, EccpRequest request, Dispatcher.Reply reply,
               boolean onEventLoop) {
        if (session.isLoggedIn() && SUBSCRIPTION_REQUESTS.contains(request.name())) {
            registry.update(session, ctx.channel());
        }
        write(ctx, session, reply.packet(), reply.close(), !onEventLoop);
        if (onEventLoop && !reply.close()) {
            unflushed = true;
        }
    }

    /** A packet of our own (a 400 for an unreadable one), flushed at once. */
    void write(ChannelHandlerContext ctx, EccpSession session, XmlElement packet, boolean close) {
        write(ctx, session, packet, close, true);
    }

    /** At the end of a read: one flush (one system call) for every answer written during it. */
    void flushIfPending(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.channel().flush();
        }
    }

    private void write(ChannelHandlerContext ctx, EccpSession session, XmlElement packet, boolean close,
                       boolean flush) {
        Channel channel = ctx.channel();
        if (ConnectionFlow.pendingOutboundBytes(channel) > maxOutboundBytes) {
            log.warn("ECCP client {} does not read its replies ({} bytes queued); closing",
                    session.remoteAddress(), ConnectionFlow.pendingOutboundBytes(channel));
            flow.closing();
            channel.close();
            return;
        }
        if (close) {
            flow.closing();
            channel.writeAndFlush(packet).addListener(ChannelFutureListener.CLOSE);
        } else if (flush) {
            channel.writeAndFlush(packet, channel.voidPromise());
        } else {
            channel.write(packet, channel.voidPromise());
        }
    }
}
