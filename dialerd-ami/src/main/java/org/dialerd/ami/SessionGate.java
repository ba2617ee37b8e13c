package org.dialerd.ami;

import java.util.ArrayDeque;
import org.dialerd.core.pbx.PbxEvent;

/**
 * Keeps the connection's lifecycle in step with its events: {@link PbxEvent.Connected} goes
 * out before any event of the session it opens, {@link PbxEvent.Disconnected} after the last
 * one. asterisk-java needs this because a new session's first events reach its event pump
 * before {@code ConnectEvent}, which it fires on its login or reconnect thread: those events
 * are held here and released right after Connected.
 */
final class SessionGate {
    /** Events held while no session is up; past this many the oldest go (a login stuck half-way). */
    static final int MAX_HELD = 10_000;

    private final EventDispatcher dispatcher;
    private final PendingReplies pending;
    private final ArrayDeque<PbxEvent> held = new ArrayDeque<>();
    private boolean up;

    SessionGate(EventDispatcher dispatcher, PendingReplies pending) {
        this.dispatcher = dispatcher;
        this.pending = pending;
    }

    /**
     * An event from asterisk-java's pump: out now if a session is up (delivered on the calling
     * thread when nothing is ahead of it, after this gate's lock is released), held otherwise.
     */
    void event(PbxEvent event) {
        if (admit(event)) {
            dispatcher.deliverHere();
        }
    }

    private synchronized boolean admit(PbxEvent event) {
        if (up) {
            dispatcher.queueEvent(event);
            return true;
        }
        if (held.size() >= MAX_HELD) {
            held.poll();
        }
        held.add(event);
        return false;
    }

    /** A session opened: Connected, then what was held. False if one was already up. */
    synchronized boolean open(String asteriskVersion) {
        if (up) {
            return false;
        }
        up = true;
        dispatcher.publish(new PbxEvent.Connected(asteriskVersion));
        while (!held.isEmpty()) {
            dispatcher.publish(held.poll());
        }
        return true;
    }

    /** The session ended: pending replies fail, then Disconnected. False if none was up. */
    synchronized boolean close(String reason) {
        if (!up) {
            return false;
        }
        up = false;
        pending.failAll(reason);
        dispatcher.publish(new PbxEvent.Disconnected(reason));
        return true;
    }

    synchronized boolean isOpen() {
        return up;
    }

    /** A login failed: what it let through belongs to no session. */
    synchronized void dropHeld() {
        held.clear();
    }
}
