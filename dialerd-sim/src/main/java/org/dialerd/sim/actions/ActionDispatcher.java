package org.dialerd.sim.actions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.ami.AmiSession;
import org.dialerd.sim.engine.SimEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes actions to handlers on the engine thread and owns the shared rules: authentication
 * first, unknown action → Asterisk's error text plus a RequestBadFormat security event, a
 * handler failure → {@code Response: Error} (logged, never fatal to the session).
 */
public final class ActionDispatcher implements AmiSession.ActionSink {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);
    private static final Set<String> BEFORE_LOGIN = Set.of("login", "challenge", "logoff");

    private final SimEngine engine;
    private final ManagerUsers users;
    private final Map<String, ActionHandler> handlers;

    public ActionDispatcher(SimEngine engine, ManagerUsers users) {
        this.engine = engine;
        this.users = users;
        Map<String, ActionHandler> m = new HashMap<>();
        SessionActions.register(m);
        CoreActions.register(m);
        VariableActions.register(m);
        QueueActions.register(m);
        AgentActions.register(m);
        CallActions.register(m);
        MiscActions.register(m);
        MonitorActions.register(m);
        DtmfActions.register(m);
        StatusActions.register(m);
        ParkActions.register(m);
        TransferActions.register(m);
        this.handlers = Map.copyOf(m);
    }

    public Set<String> actionNames() {
        return handlers.keySet();
    }

    @Override
    public void accept(AmiSession session, AmiMessage action) {
        engine.execute(() -> dispatch(session, action));
    }

    @Override
    public void closed(AmiSession session) {
        engine.removeSession(session);
    }

    private void dispatch(AmiSession session, AmiMessage action) {
        ActionContext ctx = new ActionContext(session, action, engine, users);
        String name = ctx.header("Action");
        String key = name.toLowerCase(Locale.ROOT);
        if (!session.isAuthenticated() && !BEFORE_LOGIN.contains(key)) {
            ctx.error("Authentication Required");
            return;
        }
        ActionHandler h = handlers.get(key);
        if (h == null) {
            ctx.error("Invalid/unknown command: " + name + ". Use Action: ListCommands to show available commands.");
            SessionActions.requestBadFormat(ctx, name);
            return;
        }
        try {
            h.handle(ctx);
        } catch (RuntimeException e) {
            log.warn("sim: action {} failed", name, e);
            ctx.error("Internal error: " + e.getMessage());
        }
    }
}
