package org.dialerd.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.MembershipSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login and logout: static agents through AgentLogin (answer "logging"; agentloggedin follows),
 * dynamic ones by QueueAdd to each queue ("logged-in" once Asterisk accepted them all); the
 * ping timeout of a login made with one. Engine thread only (split out of {@link AgentEngine}).
 */
final class AgentLogins {
    private static final Logger log = LoggerFactory.getLogger(AgentEngine.class);

    private final AgentEngine engine;
    private long actionCounter;

    AgentLogins(AgentEngine engine) {
        this.engine = engine;
    }

    CompletableFuture<EngineResult> login(AgentState state, String extension, String dialString,
                                          List<MembershipSource.Membership> queues, Optional<Duration> pingTimeout) {
        if (state.loggedIn || state.loggingIn) {
            if (!extension.equals(state.extension)) {
                return done(EngineResult.failed("logged-out", 409,
                        "Specified agent already connected to extension: " + state.extension));
            }
            return done(EngineResult.status(state.loggedIn ? "logged-in" : "logging"));
        }
        state.extension = extension;
        state.pingTimeout = pingTimeout.orElse(null);
        return state.agent.type().isStatic() ? loginStatic(state, dialString) : loginDynamic(state, dialString, queues);
    }

    private CompletableFuture<EngineResult> loginStatic(AgentState state, String dialString) {
        String actionId = AgentEngine.LOGIN_ACTION_PREFIX + (++actionCounter);
        AgentEngineSettings settings = engine.settings();
        state.loggingIn = true;
        state.loginActionId = actionId;
        engine.publish(state);
        PbxAction.Originate originate = new PbxAction.Originate(dialString, "", "", 1, "AgentLogin",
                state.agent.number(), "Login " + state.number() + " <" + state.extension + ">",
                settings.loginTimeout(), Map.of(), actionId, "");
        return engine.sendOnEngine(originate).thenApply(reply -> {
            if (!reply.success() || !actionId.equals(state.loginActionId)) {
                if (actionId.equals(state.loginActionId)) {
                    log.warn("agent {}: Asterisk refused the login call to {}: {}", state.number(), dialString,
                            reply.message());
                    state.reset();
                    engine.publish(state);
                }
                return EngineResult.failed("logged-out", 500, "Asterisk refused login: " + reply.message());
            }
            state.loginTimer = engine.scheduler().schedule(settings.loginTimeout().plusSeconds(5), () -> {
                if (actionId.equals(state.loginActionId) && !state.loggedIn) {
                    failLogin(state, "no AgentLogin in time");
                }
            });
            return EngineResult.status("logging");
        });
    }

    private CompletableFuture<EngineResult> loginDynamic(AgentState state, String dialString,
                                                         List<MembershipSource.Membership> queues) {
        if (queues.isEmpty()) {
            state.extension = null;
            return done(EngineResult.failed("logged-out", 417, "Agent has no queues to log in to"));
        }
        state.loggingIn = true;
        state.memberInterface = dialString;
        state.channel = dialString;
        engine.publish(state);
        List<CompletableFuture<PbxReply>> adds = new ArrayList<>();
        for (MembershipSource.Membership m : queues) {
            adds.add(engine.sendOnEngine(new PbxAction.QueueAdd(m.queue(), dialString, state.agent.name(), dialString,
                    m.penalty(), false)));
        }
        return CompletableFuture.allOf(adds.toArray(CompletableFuture[]::new)).handleAsync((ignored, error) -> {
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < adds.size(); i++) {
                PbxReply reply = adds.get(i).getNow(null);
                boolean accepted = reply != null && (reply.success() || reply.message().contains("Already there"));
                if (!accepted) {
                    refused.add(queues.get(i).queue());
                }
            }
            if (!refused.isEmpty()) {
                log.warn("agent {}: QueueAdd refused for queues {}", state.number(), refused);
                queues.stream().filter(m -> !refused.contains(m.queue()))
                        .forEach(m -> engine.pbx().send(new PbxAction.QueueRemove(m.queue(), dialString)));
                state.reset();
                engine.publish(state);
                return EngineResult.failed("logged-out", 500, "Asterisk refused login");
            }
            loggedIn(state);
            return EngineResult.status("logged-in");
        }, engine.scheduler());
    }

    CompletableFuture<EngineResult> logout(AgentState state) {
        if (!state.loggedIn && !state.loggingIn) {
            return done(EngineResult.status("logged-out"));
        }
        Agent agent = state.agent;
        if (agent.type().isStatic()) {
            return engine.sendOnEngine(new PbxAction.AgentLogoff(agent.number(), false)).thenApply(reply -> {
                loggedOut(state, "logoutagent");
                return EngineResult.status("logged-out");
            });
        }
        List<CompletableFuture<PbxReply>> removes = new ArrayList<>();
        for (String queue : List.copyOf(state.queues)) {
            removes.add(engine.sendOnEngine(new PbxAction.QueueRemove(queue, state.memberInterface)));
        }
        return CompletableFuture.allOf(removes.toArray(CompletableFuture[]::new)).handleAsync((v, e) -> {
            loggedOut(state, "logoutagent");
            return EngineResult.status("logged-out");
        }, engine.scheduler());
    }

    void ping(AgentState state) {
        if (state.pingTimeout != null && (state.loggedIn || state.loggingIn)) {
            armPing(state);
        }
    }

    void loggedIn(AgentState state) {
        state.cancelTimers();
        state.loggingIn = false;
        state.loggedIn = true;
        state.loginStart = engine.now();
        engine.records().openSession(state);
        if (state.pingTimeout != null) {
            armPing(state);
        }
        engine.publish(state);
        engine.emit(new AgentEvent.AgentLoggedIn(state.number()));
        log.info("agent {} logged in on extension {} ({})", state.number(), state.extension, state.channel);
    }

    void failLogin(AgentState state, String why) {
        log.info("agent {} failed to log in: {}", state.number(), why);
        state.reset();
        engine.publish(state);
        engine.emit(new AgentEvent.AgentFailedLogin(state.number()));
    }

    void loggedOut(AgentState state, String why) {
        if (!state.loggedIn) {
            if (state.loggingIn) {
                failLogin(state, why);
            }
            return;
        }
        engine.records().closeAll(state);
        log.info("agent {} logged out from extension {} ({})", state.number(), state.extension, why);
        state.reset();
        engine.publish(state);
        engine.emit(new AgentEvent.AgentLoggedOut(state.number()));
    }

    private void armPing(AgentState state) {
        if (state.pingTimer != null) {
            state.pingTimer.cancel();
        }
        Duration timeout = state.pingTimeout;
        state.pingTimer = engine.scheduler().schedule(timeout, () -> {
            log.info("agent {} not pinged for {}; logging out", state.number(), timeout);
            engine.logout(state.agent);
        });
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
