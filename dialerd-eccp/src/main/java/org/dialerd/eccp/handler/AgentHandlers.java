package org.dialerd.eccp.handler;

import static org.dialerd.eccp.protocol.EccpTimes.dayRelative;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.core.store.BreakStore;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.Waits;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/** Agent sessions: loginagent, logoutagent, pauseagent, unpauseagent, getagentstatus, getmultipleagentstatus. */
final class AgentHandlers {
    private static final String LOGGED_OUT = "logged-out";

    private AgentHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(
                RequestName.LOGINAGENT, AgentHandlers::loginAgent,
                RequestName.LOGOUTAGENT, AgentHandlers::logoutAgent,
                RequestName.PAUSEAGENT, AgentHandlers::pauseAgent,
                RequestName.UNPAUSEAGENT, AgentHandlers::unpauseAgent,
                RequestName.GETAGENTSTATUS, AgentHandlers::getAgentStatus,
                RequestName.GETMULTIPLEAGENTSTATUS, AgentHandlers::getMultipleAgentStatus);
    }

    static XmlElement loginAgent(RequestContext context, XmlElement request) {
        Args.required(request, "agent_number");
        String extension = Args.required(request, "extension").trim();
        Optional<Duration> pingTimeout = Optional.empty();
        if (request.child("timeout").isPresent()) {
            OptionalInt seconds = Args.parseInt(request.childText("timeout").get());
            if (seconds.isEmpty() || seconds.getAsInt() <= 0) {
                throw EccpFailure.badRequest();
            }
            pingTimeout = Optional.of(Duration.ofSeconds(seconds.getAsInt()));
        }
        Agent agent;
        try {
            agent = context.authenticateAgent(request);
        } catch (EccpFailure failure) {
            return withStatus(context, failure);
        }
        if (context.services().agents().find(agent.channel()).isEmpty()) {
            return statusFailure(context, 404, "Specified agent not found");
        }
        Optional<String> dialString = context.services().extensions().dialString(extension);
        if (dialString.isEmpty()) {
            return statusFailure(context, 404, "Specified extension not found");
        }
        var queues = agent.type().isStatic() ? List.<org.dialerd.core.store.MembershipSource.Membership>of()
                : context.services().memberships().queuesOf(agent);
        return statusResult(context, await(context.services().engine()
                .login(agent, extension, dialString.get(), queues, pingTimeout)));
    }

    static XmlElement logoutAgent(RequestContext context, XmlElement request) {
        Agent agent;
        try {
            agent = context.authenticateAgent(request);
        } catch (EccpFailure failure) {
            return withStatus(context, failure);
        }
        return statusResult(context, await(context.services().engine().logout(agent)));
    }

    static XmlElement pauseAgent(RequestContext context, XmlElement request) {
        String pauseType = Args.required(request, "pause_type");
        Agent agent = context.authenticateAgent(request);
        long breakId = Args.phpInt(pauseType);
        BreakStore.Break pause = context.services().stores().breaks().findByTipo('B').stream()
                .filter(b -> b.id() == breakId && b.active())
                .findFirst()
                .orElseThrow(() -> EccpFailure.wrapped(404, "Break ID not found or not active"));
        requireTracked(context, agent);
        return result(context, await(context.services().engine().pause(agent, pause.id(), pause.name())));
    }

    static XmlElement unpauseAgent(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        requireTracked(context, agent);
        return result(context, await(context.services().engine().unpause(agent)));
    }

    static XmlElement getAgentStatus(RequestContext context, XmlElement request) {
        String number = Args.required(request, "agent_number").trim();
        String responseName = context.name().responseName();
        Optional<Agent> tracked = AgentNumber.parse(number).flatMap(n -> context.services().agents().find(n.toString()));
        if (tracked.isEmpty()) {
            return XmlElement.of(responseName, XmlElement.text("status", "offline"),
                    Replies.failureElement(404, "Invalid agent number"));
        }
        XmlElement.Builder response = XmlElement.builder(responseName);
        Optional<AgentView> view = context.services().engine().view(tracked.get().channel());
        response.addAll(statusElements(view, LocalDateTime.now(context.services().clock())));
        context.services().engine().preview().offer(tracked.get().channel())
                .ifPresent(offer -> response.add(org.dialerd.eccp.protocol.PreviewXml.status(offer)));
        return response.build();
    }

    static XmlElement getMultipleAgentStatus(RequestContext context, XmlElement request) {
        XmlElement agentsElement = request.child("agents").orElseThrow(EccpFailure::badRequest);
        List<AgentNumber> numbers = new ArrayList<>();
        for (XmlElement child : agentsElement.childrenNamed("agent_number")) {
            numbers.add(AgentNumber.parse(child.text().trim())
                    .orElseThrow(() -> EccpFailure.wrapped(417, "Invalid agent number")));
        }
        for (AgentNumber number : numbers) {
            context.services().stores().agents().findByChannel(number.type(), number.number())
                    .filter(Agent::active)
                    .orElseThrow(() -> EccpFailure.wrapped(404, "Specified agent not found"));
        }
        LocalDateTime now = LocalDateTime.now(context.services().clock());
        XmlElement.Builder agents = XmlElement.builder("agents");
        for (AgentNumber number : numbers) {
            if (context.services().agents().find(number.toString()).isEmpty()) {
                return XmlElement.of(context.name().responseName(), XmlElement.text("status", "offline"),
                        Replies.failureElement(404, "Invalid agent number"));
            }
            agents.add(XmlElement.builder("agent")
                    .add("agent_number", number.toString())
                    .addAll(statusElements(context.services().engine().view(number.toString()), now))
                    .build());
        }
        return XmlElement.of(context.name().responseName(), agents.build());
    }

    /** As {@link #statusElements(Optional, LocalDateTime)}, at the start of {@code today}. */
    static List<XmlElement> statusElements(Optional<AgentView> maybeView, LocalDate today) {
        return statusElements(maybeView, today.atStartOfDay());
    }

    /**
     * status, channel, extension, onhold, pauseinfo, as getagentstatus lists them; then the
     * extension {@code <wrapup>} for an agent in after-call work (absent otherwise, so the
     * reference's bytes stay), with {@code secondsleft} counted from {@code now}.
     */
    static List<XmlElement> statusElements(Optional<AgentView> maybeView, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        List<XmlElement> elements = new ArrayList<>();
        if (maybeView.isEmpty()) {
            elements.add(XmlElement.text("status", "offline"));
            return elements;
        }
        AgentView view = maybeView.get();
        elements.add(XmlElement.text("status", view.status().wireName()));
        if (!view.isLoggedIn() && !view.logging()) {
            return elements;
        }
        view.channel().ifPresent(c -> elements.add(XmlElement.text("channel", c)));
        view.extension().ifPresent(e -> elements.add(XmlElement.text("extension", e)));
        if (view.isLoggedIn()) {
            elements.add(XmlElement.text("onhold", view.onHold() ? 1 : 0));
        }
        view.pause().ifPresent(pause -> elements.add(XmlElement.of("pauseinfo",
                XmlElement.text("pauseid", pause.breakId()),
                XmlElement.text("pausename", pause.breakName()),
                XmlElement.text("pausestart", dayRelative(pause.start(), today)))));
        view.wrapup().ifPresent(wrapup -> elements.add(XmlElement.of("wrapup",
                XmlElement.text("wrapupstart", dayRelative(wrapup.start(), today)),
                XmlElement.text("wrapupend", dayRelative(wrapup.end(), today)),
                XmlElement.text("secondsleft", wrapup.secondsLeft(now)))));
        view.call().ifPresent(call -> {
            elements.add(XmlElement.text("remote_channel", call.remoteChannel()));
            elements.add(XmlElement.builder("callinfo")
                    .add("calltype", call.callType())
                    .addIfPresent("campaign_id", call.campaignId().orElse(null))
                    .add("callid", call.callId())
                    .add("callnumber", call.phone())
                    .addIfPresent("dialstart", call.dialStart().map(t -> dayRelative(t, today)).orElse(null))
                    .addIfPresent("dialend", call.dialEnd().map(t -> dayRelative(t, today)).orElse(null))
                    .add("queuestart", dayRelative(call.joined(), today))
                    .addIfPresent("linkstart", call.linkStart() == null ? null : dayRelative(call.linkStart(), today))
                    .add("queuenumber", call.queue())
                    .build());
        });
        return elements;
    }

    /** loginagent/logoutagent refusals carry {@code <status>logged-out</status>} before the failure. */
    private static XmlElement withStatus(RequestContext context, EccpFailure failure) {
        if (!failure.isWrapped()) {
            throw failure;
        }
        return statusFailure(context, failure.code(), failure.getMessage());
    }

    private static void requireTracked(RequestContext context, Agent agent) {
        if (context.services().agents().find(agent.channel()).isEmpty()) {
            throw EccpFailure.wrapped(404, "Agent not found or not logged in through ECCP");
        }
    }

    private static XmlElement statusFailure(RequestContext context, int code, String message) {
        return XmlElement.of(context.name().responseName(), XmlElement.text("status", LOGGED_OUT),
                Replies.failureElement(code, message));
    }

    private static XmlElement statusResult(RequestContext context, EngineResult result) {
        XmlElement.Builder response = XmlElement.builder(context.name().responseName());
        result.status().ifPresent(status -> response.add("status", status));
        result.failure().ifPresent(f -> response.add(Replies.failureElement(f.code(), f.message())));
        return response.build();
    }

    private static XmlElement result(RequestContext context, EngineResult result) {
        if (result.failure().isPresent()) {
            throw EccpFailure.wrapped(result.failure().get().code(), result.failure().get().message());
        }
        return Replies.success(context.name());
    }

    static <T> T await(CompletableFuture<T> future) {
        return Waits.await(future, "No answer from Asterisk in time");
    }

}
