package org.dialerd.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.store.MembershipSource;

/** What ECCP requests may ask of the agent engine. */
public interface AgentService {
    Optional<AgentView> view(String agentNumber);

    CompletableFuture<EngineResult> login(Agent agent, String extension, String dialString,
                                          List<MembershipSource.Membership> queues, Optional<Duration> pingTimeout);

    CompletableFuture<EngineResult> logout(Agent agent);

    CompletableFuture<EngineResult> pause(Agent agent, int breakId, String breakName);

    CompletableFuture<EngineResult> unpause(Agent agent);

    CompletableFuture<Void> ping(Agent agent);

    /** Puts the agent's current call on hold. */
    CompletableFuture<EngineResult> hold(Agent agent);

    /** Takes the agent's held call back. */
    CompletableFuture<EngineResult> unhold(Agent agent);

    /** Ends the agent's after-call work now (endwrapup). */
    CompletableFuture<EngineResult> endWrapup(Agent agent);

    /** The agent's call was blind-transferred to {@code extension}: the agent is free at once. */
    CompletableFuture<Void> transferred(Agent agent, String extension);

    /**
     * Atxfer from {@code agentChannel} to {@code extension} in {@code context}, followed to its
     * end: completed, the call is the target's (agentunlinked); failed, the agent is told
     * ({@link AgentEvent.TransferFailed}). The answer says whether Asterisk accepted the Atxfer.
     */
    CompletableFuture<EngineResult> attendedTransfer(Agent agent, String agentChannel, String context,
                                                     String extension);

    /** Makes the engine track exactly these agents (start and refreshagents). */
    CompletableFuture<Void> track(List<Agent> agents);

    /** Every tracked agent as last seen. */
    List<AgentView> views();

    /** Sends an event to the ECCP sessions that follow its agent (e.g. recordingmute from a request). */
    void announce(AgentEvent event);

    /**
     * Click-to-call: rings the logged-in agent's line, then dials {@code phone}, recorded in
     * {@code campaignId} (empty: the agent's only active outgoing campaign). The answer comes
     * once Asterisk took the Originate; the call's progress follows as events.
     */
    default CompletableFuture<ClickToCall.Outcome> dialNumber(Agent agent, String phone,
                                                             Optional<Integer> campaignId) {
        return CompletableFuture.completedFuture(ClickToCall.Outcome.refused(500, "No AMI connection"));
    }

    /** The preview dialer's offers and the agents' answers to them. */
    default PreviewService preview() {
        return PreviewService.NONE;
    }

    /** Agents with no engine behind them (no Asterisk configured): every agent is offline. */
    static AgentService unavailable() {
        return new AgentService() {
            private final EngineResult noAmi = EngineResult.failed(500, "No AMI connection");

            @Override
            public Optional<AgentView> view(String agentNumber) {
                return Optional.empty();
            }

            @Override
            public CompletableFuture<EngineResult> login(Agent agent, String extension, String dialString,
                                                         List<MembershipSource.Membership> queues,
                                                         Optional<Duration> pingTimeout) {
                return CompletableFuture.completedFuture(noAmi);
            }

            @Override
            public CompletableFuture<EngineResult> logout(Agent agent) {
                return CompletableFuture.completedFuture(noAmi);
            }

            @Override
            public CompletableFuture<EngineResult> pause(Agent agent, int breakId, String breakName) {
                return CompletableFuture.completedFuture(noAmi);
            }

            @Override
            public CompletableFuture<EngineResult> unpause(Agent agent) {
                return CompletableFuture.completedFuture(noAmi);
            }

            @Override
            public CompletableFuture<Void> ping(Agent agent) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<EngineResult> hold(Agent agent) {
                return CompletableFuture.completedFuture(noAmi);
            }

            @Override
            public CompletableFuture<EngineResult> unhold(Agent agent) {
                return CompletableFuture.completedFuture(noAmi);
            }

            @Override
            public CompletableFuture<EngineResult> endWrapup(Agent agent) {
                return CompletableFuture.completedFuture(noAmi);
            }

            @Override
            public CompletableFuture<Void> transferred(Agent agent, String extension) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<EngineResult> attendedTransfer(Agent agent, String agentChannel, String context,
                                                                    String extension) {
                return CompletableFuture.completedFuture(noAmi);
            }

            @Override
            public CompletableFuture<Void> track(List<Agent> agents) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public List<AgentView> views() {
                return List.of();
            }

            @Override
            public void announce(AgentEvent event) {
            }
        };
    }
}
