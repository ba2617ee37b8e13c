package org.dialerd.eccp.handler.schedule;

import java.time.LocalDate;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.store.ScheduleStore;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.xml.XmlElement;

/**
 * schedulecall: the agent on an outgoing campaign call asks for the customer to be called
 * again, as a new {@code calls} row of the same campaign (scheduled = 1, retries 0), within
 * an optional window, optionally reserved for this agent, to another number or under another
 * contact name. The original call's attributes are copied; collected form data is not.
 * <pre>
 * &gt;&gt;&gt; &lt;schedulecall&gt;&lt;agent_number&gt;Agent/9000&lt;/agent_number&gt;&lt;agent_hash&gt;…&lt;/agent_hash&gt;
 *       &lt;schedule&gt;&lt;date_init&gt;2026-12-01&lt;/date_init&gt;&lt;date_end&gt;2026-12-02&lt;/date_end&gt;
 *       &lt;time_init&gt;10:00:00&lt;/time_init&gt;&lt;time_end&gt;12:00:00&lt;/time_end&gt;&lt;/schedule&gt;
 *       &lt;sameagent&gt;1&lt;/sameagent&gt;&lt;/schedulecall&gt;
 * &lt;&lt;&lt; &lt;schedulecall_response&gt;&lt;success/&gt;&lt;/schedulecall_response&gt;
 * </pre>
 * Order of checks: the agent hash, the arguments ({@link ScheduleArgs}), the agent's state
 * (the reference's words for an untracked or logged-out agent differ from call control's),
 * then, in the store's transaction, the campaign's range and duplicates.
 */
public final class ScheduleCall {
    static final String UNTRACKED = "Agent not found or not logged in through ECCP";
    static final String NOT_LOGGED_IN = "Agent currently not logged in";
    static final String NOT_IN_CALL = "Agent not in call";
    static final String NOT_OUTGOING = "Not in outgoing call";
    static final String OUTSIDE_CAMPAIGN = "Supplied date range outside campaign range";
    static final String DUPLICATE = "Found duplicate scheduled call";

    private ScheduleCall() {
    }

    public static XmlElement scheduleCall(RequestContext context, XmlElement request) {
        Agent agent = context.authenticateAgent(request);
        ScheduleArgs args = ScheduleArgs.parse(request, LocalDate.now(context.services().clock()));
        CallLink call = outgoingCall(context, agent, args);
        ScheduleStore.Request schedule = new ScheduleStore.Request(call.campaignId().orElseThrow(), call.callId(),
                args.newPhone(), args.window(), args.sameAgent() ? Optional.of(agent.channel()) : Optional.empty(),
                args.newContactName());
        ScheduleStore.Outcome outcome = context.services().stores().schedules().schedule(schedule);
        if (outcome instanceof ScheduleStore.Outcome.Scheduled) {
            return Replies.success(context.name());
        }
        throw refusal(outcome);
    }

    /** The agent's current call, which must be an outgoing campaign call (the one named by call_id, if any). */
    private static CallLink outgoingCall(RequestContext context, Agent agent, ScheduleArgs args) {
        if (context.services().agents().find(agent.channel()).isEmpty()) {
            throw EccpFailure.wrapped(404, UNTRACKED);
        }
        AgentView view = context.services().engine().view(agent.channel()).filter(AgentView::isLoggedIn)
                .orElseThrow(() -> EccpFailure.wrapped(417, NOT_LOGGED_IN));
        CallLink call = view.call().orElseThrow(() -> EccpFailure.wrapped(417, NOT_IN_CALL));
        boolean outgoing = "outgoing".equals(call.callType()) && call.campaignId().isPresent();
        boolean named = args.callId().isEmpty() || args.callId().getAsLong() == call.callId();
        if (!outgoing || !named) {
            throw EccpFailure.wrapped(417, NOT_OUTGOING);
        }
        return call;
    }

    private static EccpFailure refusal(ScheduleStore.Outcome outcome) {
        if (outcome instanceof ScheduleStore.Outcome.OutsideCampaign) {
            return EccpFailure.wrapped(417, OUTSIDE_CAMPAIGN);
        }
        if (outcome instanceof ScheduleStore.Outcome.Duplicate) {
            return EccpFailure.wrapped(417, DUPLICATE);
        }
        // The engine's call is no longer in the database: as if the agent had no such call.
        return EccpFailure.wrapped(417, NOT_OUTGOING);
    }
}
