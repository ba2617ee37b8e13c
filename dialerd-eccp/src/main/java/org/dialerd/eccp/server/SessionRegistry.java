package org.dialerd.eccp.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.eccp.xml.XmlWriter;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logged-in sessions that receive events, indexed by the agent they filter on, so an
 * agent's event reaches its sessions without scanning every session. Each event is encoded
 * once and the same bytes are written to every receiver. A receiver whose unread output
 * exceeds the limit is disconnected instead of buffering without bound.
 */
public final class SessionRegistry {
    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

    /** A session and the connection its events go to. */
    record Receiver(EccpSession session, Channel channel) {}

    private final Set<Receiver> everything = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Receiver>> byAgent = new ConcurrentHashMap<>();
    private final Map<EccpSession, Receiver> receivers = new ConcurrentHashMap<>();
    private final long maxOutboundBytes;
    private final EccpMetrics metrics;

    public SessionRegistry(long maxOutboundBytes) {
        this(maxOutboundBytes, EccpMetrics.NONE);
    }

    /** {@code metrics} counts the event packets written, by event name. */
    public SessionRegistry(long maxOutboundBytes, EccpMetrics metrics) {
        this.maxOutboundBytes = maxOutboundBytes;
        this.metrics = metrics;
    }

    /** (Re)files a logged-in session under its current filter. */
    void update(EccpSession session, Channel channel) {
        remove(session);
        Receiver receiver = new Receiver(session, channel);
        receivers.put(session, receiver);
        Optional<AgentNumber> filter = session.agentFilter();
        if (filter.isEmpty()) {
            everything.add(receiver);
        } else {
            byAgent.computeIfAbsent(filter.get().toString(), k -> ConcurrentHashMap.newKeySet()).add(receiver);
        }
    }

    void remove(EccpSession session) {
        Receiver old = receivers.remove(session);
        if (old == null) {
            return;
        }
        everything.remove(old);
        old.session().agentFilter().ifPresent(filter -> byAgent.computeIfPresent(filter.toString(), (k, set) -> {
            set.remove(old);
            return set.isEmpty() ? null : set;
        }));
    }

    /** Sessions receiving events now. */
    public int size() {
        return receivers.size();
    }

    /**
     * Sends an event about {@code agentNumber} to the sessions without a filter and to the
     * sessions filtering on that agent. {@code callProgressOnly}: only sessions that enabled
     * callprogress.
     */
    public void publish(String agentNumber, XmlElement event, boolean callProgressOnly) {
        Set<Receiver> filtered = agentNumber == null ? Set.of() : byAgent.getOrDefault(agentNumber, Set.of());
        if (everything.isEmpty() && filtered.isEmpty()) {
            return;
        }
        ByteBuf packet = encode(event);
        int sent = 0;
        for (Receiver receiver : everything) {
            sent += send(receiver, packet, callProgressOnly);
        }
        for (Receiver receiver : filtered) {
            sent += send(receiver, packet, callProgressOnly);
        }
        counted(event, sent);
    }

    /** Sends to every logged-in session, filtered or not (callprogress: callProgressOnly). */
    public void publishToAll(XmlElement event, boolean callProgressOnly) {
        if (receivers.isEmpty()) {
            return;
        }
        ByteBuf packet = encode(event);
        int sent = 0;
        for (Receiver receiver : receivers.values()) {
            sent += send(receiver, packet, callProgressOnly);
        }
        counted(event, sent);
    }

    /** {@code <event><agentlinked>…}: counted under agentlinked. */
    private void counted(XmlElement event, int sent) {
        if (sent > 0) {
            metrics.eventSent(event.children().isEmpty() ? event.name() : event.children().get(0).name(), sent);
        }
    }

    static ByteBuf encode(XmlElement event) {
        StringBuilder text = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n");
        XmlWriter.write(event, text);
        text.append('\n');
        return Unpooled.unreleasableBuffer(
                Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.US_ASCII)).asReadOnly());
    }

    /** 1 if the packet was written to this receiver, else 0. */
    private int send(Receiver receiver, ByteBuf packet, boolean callProgressOnly) {
        if (callProgressOnly && !receiver.session().wantsCallProgress()) {
            return 0;
        }
        Channel channel = receiver.channel();
        if (pendingBytes(channel) > maxOutboundBytes) {
            log.warn("ECCP client {} does not read its events ({} bytes queued); closing",
                    receiver.session().remoteAddress(), pendingBytes(channel));
            remove(receiver.session());
            channel.close();
            return 0;
        }
        channel.writeAndFlush(packet.duplicate(), channel.voidPromise());
        return 1;
    }

    private static long pendingBytes(Channel channel) {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }
}
