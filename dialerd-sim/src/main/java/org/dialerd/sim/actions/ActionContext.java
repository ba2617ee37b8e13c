package org.dialerd.sim.actions;

import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.ami.AmiSession;
import org.dialerd.sim.engine.SimEngine;
import org.dialerd.sim.pbx.Pbx;

/**
 * What a handler sees: the action, its session, the PBX, and the ways to answer. Events the
 * action caused so far go out before its answer (they may be held for an {@code EventOrder}),
 * unless the event order puts this action's response after its events: then the response waits
 * for the end of the engine step.
 */
public final class ActionContext {

    private final AmiSession session;
    private final AmiMessage action;
    private final SimEngine engine;
    private final ManagerUsers users;

    ActionContext(AmiSession session, AmiMessage action, SimEngine engine, ManagerUsers users) {
        this.session = session;
        this.action = action;
        this.engine = engine;
        this.users = users;
    }

    public AmiSession session() {
        return session;
    }

    public AmiMessage action() {
        return action;
    }

    public Pbx pbx() {
        return engine.pbx();
    }

    public SimEngine engine() {
        return engine;
    }

    ManagerUsers users() {
        return users;
    }

    public String header(String name) {
        return action.getOrEmpty(name).trim();
    }

    public String actionId() {
        return action.get("ActionID").orElse(null);
    }

    public AmiMessage.Builder response(String result) {
        return AmiMessage.response(result, actionId());
    }

    public void success(String message) {
        sendNow(response("Success").add("Message", message).build());
    }

    public void error(String message) {
        sendNow(response("Error").add("Message", message).build());
    }

    public void send(AmiMessage m) {
        sendNow(m);
    }

    /** An event-list item: the given event with this action's ActionID appended. */
    public void listItem(AmiMessage.Builder item) {
        if (actionId() != null) {
            item.add("ActionID", actionId());
        }
        sendNow(item.build());
    }

    /** An event-list item whose ActionID follows the Event line (CoreShowChannel, Status). */
    public void listItemIdFirst(String event, java.util.List<java.util.Map.Entry<String, String>> fields) {
        AmiMessage.Builder b = AmiMessage.event(event);
        if (actionId() != null) {
            b.add("ActionID", actionId());
        }
        sendNow(b.addAll(fields).build());
    }

    /** The closing "...Complete" event of an event list. */
    public void listComplete(String event, int items) {
        AmiMessage.Builder b = AmiMessage.event(event);
        if (actionId() != null) {
            b.add("ActionID", actionId());
        }
        sendNow(b.add("EventList", "Complete").add("ListItems", items).build());
    }

    public void listStart(String message) {
        sendNow(response("Success").add("EventList", "start").add("Message", message).build());
    }

    private void sendNow(AmiMessage m) {
        if (!m.isEvent() && engine.responseAfterEvents(action)) {
            engine.sendAfterStep(session, m);
            return;
        }
        engine.flushEvents();
        session.send(m);
    }

    public boolean isTrue(String header) {
        String v = header(header).toLowerCase();
        return v.equals("true") || v.equals("yes") || v.equals("1") || v.equals("on");
    }
}
