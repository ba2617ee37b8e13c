package org.dialerd.eccp.handler;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.core.store.ReportStore;
import org.dialerd.core.store.ReportStore.QueueMembership;
import org.dialerd.eccp.handler.report.CampaignLogQuery;
import org.dialerd.eccp.handler.report.DayRange;
import org.dialerd.eccp.handler.report.ReportXml;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;

/**
 * Reports and agent look-ups that change nothing: campaignlog, getagentactivitysummary,
 * getagentqueues, getmultipleagentqueues, pingagent.
 */
final class ReportHandlers {
    private static final String AGENT_NOT_FOUND = "Specified agent not found";

    private ReportHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(
                RequestName.CAMPAIGNLOG, ReportHandlers::campaignLog,
                RequestName.GETAGENTACTIVITYSUMMARY, ReportHandlers::getAgentActivitySummary,
                RequestName.GETAGENTQUEUES, ReportHandlers::getAgentQueues,
                RequestName.GETMULTIPLEAGENTQUEUES, ReportHandlers::getMultipleAgentQueues,
                RequestName.PINGAGENT, ReportHandlers::pingAgent);
    }

    /** Dates are checked before the campaign arguments, as in the reference. */
    static XmlElement campaignLog(RequestContext context, XmlElement request) {
        DayRange days = DayRange.from(request, today(context));
        CampaignLogQuery query = CampaignLogQuery.from(request);
        List<ReportStore.LogEntry> entries = reports(context).campaignLog(query.source(), days.first(), days.last(),
                query.newest());
        return XmlElement.of(RequestName.CAMPAIGNLOG.responseName(),
                ReportXml.logEntries(query.campaignType(), entries));
    }

    static XmlElement getAgentActivitySummary(RequestContext context, XmlElement request) {
        DayRange days = DayRange.from(request, today(context));
        return XmlElement.of(RequestName.GETAGENTACTIVITYSUMMARY.responseName(),
                ReportXml.agentActivity(reports(context).agentActivity(days.first(), days.last())));
    }

    /** Any active agent of the database, tracked by the daemon or not; a bad format is just "not found". */
    static XmlElement getAgentQueues(RequestContext context, XmlElement request) {
        String agentNumber = Args.required(request, "agent_number");
        Agent agent = AgentNumber.parse(agentNumber)
                .flatMap(number -> context.services().stores().agents().findByChannel(number.type(), number.number()))
                .filter(Agent::active)
                .orElseThrow(() -> EccpFailure.wrapped(404, AGENT_NOT_FOUND));
        List<String> configured = agent.type().isStatic() ? List.of()
                : reports(context).queueMemberships(List.of(agent.id())).stream().map(QueueMembership::queue).toList();
        return XmlElement.of(RequestName.GETAGENTQUEUES.responseName(),
                ReportXml.queues(queuesOf(context, agent, configured)));
    }

    /**
     * Static agents belong to the queues Asterisk reports (queues.conf), live from the engine;
     * dynamic agents to their configured queues (dialerd_queue_member), logged in or not.
     */
    private static List<String> queuesOf(RequestContext context, Agent agent, List<String> configured) {
        if (!agent.type().isStatic()) {
            return configured;
        }
        return context.services().engine().view(agent.channel()).map(view -> view.queues()).orElse(List.of());
    }

    /** Every agent must be active in the database, else 404 for the whole request. */
    static XmlElement getMultipleAgentQueues(RequestContext context, XmlElement request) {
        Set<String> numbers = distinctAgentNumbers(request.child("agents").orElseThrow(EccpFailure::badRequest));
        Map<String, Agent> active = numbers.isEmpty() ? Map.of()
                : context.services().stores().agents().findAll().stream()
                        .filter(Agent::active)
                        .collect(Collectors.toMap(Agent::channel, Function.identity(), (first, second) -> first));
        if (!active.keySet().containsAll(numbers)) {
            throw EccpFailure.wrapped(404, AGENT_NOT_FOUND);
        }
        Map<Integer, List<String>> queuesByAgent = reports(context)
                .queueMemberships(numbers.stream().map(number -> active.get(number).id()).toList()).stream()
                .collect(Collectors.groupingBy(QueueMembership::agentId,
                        Collectors.mapping(QueueMembership::queue, Collectors.toList())));
        XmlElement.Builder agents = XmlElement.builder("agents");
        for (String number : numbers) {
            Agent agent = active.get(number);
            agents.add(XmlElement.of("agent", XmlElement.text("agent_number", number),
                    ReportXml.queues(queuesOf(context, agent, queuesByAgent.getOrDefault(agent.id(), List.of())))));
        }
        return XmlElement.of(RequestName.GETMULTIPLEAGENTQUEUES.responseName(), agents.build());
    }

    /**
     * The {@code agent_number} children in first-seen order, each once; any badly formatted one
     * fails the whole request with 417 before an agent is looked up.
     */
    private static Set<String> distinctAgentNumbers(XmlElement agents) {
        Set<String> numbers = new LinkedHashSet<>();
        for (XmlElement number : agents.childrenNamed("agent_number")) {
            if (AgentNumber.parse(number.text()).isEmpty()) {
                throw EccpFailure.wrapped(417, "Invalid agent number");
            }
            numbers.add(number.text());
        }
        return numbers;
    }

    /** Succeeds for any agent the daemon tracks, logged in or not; one added since the last refresh is unknown. */
    static XmlElement pingAgent(RequestContext context, XmlElement request) {
        context.authenticateAgent(request);
        String agentNumber = Args.required(request, "agent_number");
        var agent = context.services().agents().find(agentNumber)
                .orElseThrow(() -> EccpFailure.wrapped(404, AGENT_NOT_FOUND));
        // Keeps a login made with a timeout alive.
        context.services().engine().ping(agent);
        return Replies.success(RequestName.PINGAGENT);
    }

    private static ReportStore reports(RequestContext context) {
        return context.services().stores().reports();
    }

    private static LocalDate today(RequestContext context) {
        return LocalDate.now(context.services().clock());
    }
}
