package org.dialerd.eccp.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logged-in sessions that receive events, indexed by the agent they filter on, so an
 * agent's event reaches its sessions without scanning every session. Each event is encoded
 * once per {@link EventFormat} (ECCP's XML, the WebSocket's JSON) and the same bytes are written
 * to every receiver of that format, in one task per event loop ({@link LoopWrites}). A receiver whose unread output exceeds the limit is
 * disconnected instead of buffering without bound, whatever its format. Taps (webhooks) see
 * every event, subscribed sessions or not.
 */
public final class SessionRegistry {
    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

    /** A session, the connection its events go to, and how they are written there. */
    record Receiver(EccpSession session, Channel channel, EventFormat format) {}

    private final Set<Receiver> everything = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Receiver>> byAgent = new ConcurrentHashMap<>();
    private final Map<EccpSession, Receiver> receivers = new ConcurrentHashMap<>();
    /**
     * The receivers that enabled callprogress (wallboards): a callprogress event goes to these only,
     * instead of a scan of every session (2,000 filtered consoles for a handful of wallboards).
     */
    private final Set<Receiver> callProgress = ConcurrentHashMap.newKeySet();
    private final long maxOutboundBytes;
    private final EccpMetrics metrics;
    private final List<java.util.function.Consumer<XmlElement>> taps = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SessionRegistry(long maxOutboundBytes) {
        this(maxOutboundBytes, EccpMetrics.NONE);
    }

    /** {@code metrics} counts the event packets written, by event name. */
    public SessionRegistry(long maxOutboundBytes, EccpMetrics metrics) {
        this.maxOutboundBytes = maxOutboundBytes;
        this.metrics = metrics;
    }

    /** (Re)files a logged-in ECCP session under its current filter. */
    void update(EccpSession session, Channel channel) {
        subscribe(session, channel, EventFormat.ECCP);
    }

    /**
     * (Re)files a session of any format under its current filter; call again after the filter
     * changed. The session must be logged in (its client account checked).
     */
    public void subscribe(EccpSession session, Channel channel, EventFormat format) {
        remove(session);
        Receiver receiver = new Receiver(session, channel, format);
        receivers.put(session, receiver);
        Optional<AgentNumber> filter = session.agentFilter();
        if (filter.isEmpty()) {
            everything.add(receiver);
        } else {
            byAgent.computeIfAbsent(filter.get().toString(), k -> ConcurrentHashMap.newKeySet()).add(receiver);
        }
        session.watchCallProgress(() -> callProgressSwitched(session));
        callProgressSwitched(session);
    }

    /** Files or unfiles the session's receiver among the callprogress ones, as its flag now says. */
    private void callProgressSwitched(EccpSession session) {
        Receiver receiver = receivers.get(session);
        if (receiver == null) {
            return;
        }
        if (session.wantsCallProgress()) {
            callProgress.add(receiver);
        } else {
            callProgress.remove(receiver);
        }
    }

    /**
     * Every event published from now on is also given to {@code tap}, on the events thread,
     * whether sessions receive it or not. A tap must return at once (hand the work off).
     */
    public void addTap(java.util.function.Consumer<XmlElement> tap) {
        taps.add(tap);
    }

    /** The session receives no more events (its connection closed, or it unsubscribed). */
    public void remove(EccpSession session) {
        Receiver old = receivers.remove(session);
        if (old == null) {
            return;
        }
        everything.remove(old);
        callProgress.remove(old);
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
        tapped(event);
        Set<Receiver> filtered = agentNumber == null ? Set.of() : byAgent.getOrDefault(agentNumber, Set.of());
        if (everything.isEmpty() && filtered.isEmpty()) {
            return;
        }
        Map<EventFormat, EventFormat.Encoded> encoded = new IdentityHashMap<>(4);
        LoopWrites writes = new LoopWrites();
        int sent = 0;
        for (Receiver receiver : everything) {
            sent += send(receiver, event, encoded, callProgressOnly, writes);
        }
        for (Receiver receiver : filtered) {
            sent += send(receiver, event, encoded, callProgressOnly, writes);
        }
        writes.flush();
        counted(event, sent);
    }

    /** Sends to every logged-in session, filtered or not (callprogress: callProgressOnly). */
    public void publishToAll(XmlElement event, boolean callProgressOnly) {
        tapped(event);
        if (receivers.isEmpty()) {
            return;
        }
        Map<EventFormat, EventFormat.Encoded> encoded = new IdentityHashMap<>(4);
        LoopWrites writes = new LoopWrites();
        int sent = 0;
        for (Receiver receiver : callProgressOnly ? callProgress : receivers.values()) {
            sent += send(receiver, event, encoded, callProgressOnly, writes);
        }
        writes.flush();
        counted(event, sent);
    }

    /**
     * Sends to the logged-in sessions of one client account ({@code login}'s username), whatever
     * their agent filter: events about what that client did (a supervisor's spy sessions).
     */
    public void publishToClient(String username, XmlElement event) {
        tapped(event);
        Map<EventFormat, EventFormat.Encoded> encoded = new IdentityHashMap<>(4);
        LoopWrites writes = new LoopWrites();
        int sent = 0;
        for (Receiver receiver : receivers.values()) {
            if (receiver.session().username().filter(username::equals).isPresent()) {
                sent += send(receiver, event, encoded, false, writes);
            }
        }
        writes.flush();
        counted(event, sent);
    }

    /** {@code <event><agentlinked>…}: counted under agentlinked. */
    private void counted(XmlElement event, int sent) {
        if (sent > 0) {
            metrics.eventSent(event.children().isEmpty() ? event.name() : event.children().get(0).name(), sent);
        }
    }

    private void tapped(XmlElement event) {
        for (java.util.function.Consumer<XmlElement> tap : taps) {
            try {
                tap.accept(event);
            } catch (RuntimeException e) {
                log.error("event tap failed on {}", event, e);
            }
        }
    }

    /**
     * 1 if the event was written to this receiver, else 0. {@code encoded}: the event in each
     * format met so far during this publication, so it is encoded once per format; {@code writes}:
     * the publication's writes, handed to the event loops once every receiver is known.
     */
    private int send(Receiver receiver, XmlElement event, Map<EventFormat, EventFormat.Encoded> encoded,
                     boolean callProgressOnly, LoopWrites writes) {
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
        Object message = encoded.computeIfAbsent(receiver.format(), format -> format.encode(event)).message();
        writes.add(channel, message);
        return 1;
    }

    private static long pendingBytes(Channel channel) {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }
}
