package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.dialerd.core.dialer.CampaignActivity;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CampaignWindow;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.CandidatePolicy;
import org.dialerd.core.dialer.DailyWindow;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preview dialing mode: a campaign with dial_mode {@code preview} never dials by itself.
 * Every round, each free agent of its queue (logged in, not paused, not on a call) without an
 * offer is offered the campaign's next candidate call: reserved in {@code dialerd_preview_offer}
 * through the journal, shown to the agent (previewcall). Accepted, the call is dialled as an
 * agent-scheduled call is, straight to that agent; rejected or not answered within the campaign's
 * preview_seconds, it goes back to the pool (its calls row is never touched) and is not offered
 * to that agent again while it stays logged in; a logout, a break or another call withdraws it.
 *
 * <p>A call is never offered to two agents of this host (offers in memory), nor of two hosts
 * (each round skips calls with a reservation that has not expired, and accepting checks that
 * the database's reservation is the accepting agent's: of two hosts that reserved the same call
 * in the same moment, only the first row's agent can dial it). Decisions run on the engine
 * thread; reads run off it after the engine's earlier writes ({@link PreviewReading}); the offers
 * and how each ends are {@link PreviewOffers}'; this class runs the rounds and answers the agents.
 */
final class PreviewDialer implements PreviewService {
    private static final Logger log = LoggerFactory.getLogger(PreviewDialer.class);
    static final EngineResult NO_OFFER = EngineResult.failed(404, "No preview call offered to this agent");
    static final EngineResult EXPIRED = EngineResult.failed(410, "Preview offer expired");
    static final EngineResult TAKEN = EngineResult.failed(409, "Call already taken by another agent");
    static final EngineResult BUSY = EngineResult.failed(409, "Agent is not free for a preview call");

    private final AgentEngine engine;
    private final OutboundDialer dialer;
    private final OutgoingCallStore store;
    private final EngineWrites writes;
    private final Supplier<Duration> interval;
    private final PreviewOffers offers;

    PreviewDialer(AgentEngine engine, OutboundDialer dialer, OutgoingCallStore store, EngineWrites writes,
                  Supplier<Duration> interval) {
        this.engine = engine;
        this.dialer = dialer;
        this.store = store;
        this.writes = writes;
        this.interval = interval;
        this.offers = new PreviewOffers(engine, writes);
    }

    void start() {
        engine.addListener(offers::onAgentEvent);
        engine.scheduler().execute(this::tick);
    }

    // ---- rounds ------------------------------------------------------------------------

    private void tick() {
        if (!engine.pbxConnected()) {
            engine.scheduler().schedule(interval.get(), this::tick);
            return;
        }
        LocalDateTime at = engine.now();
        writes.readAfterWrites("preview read", () -> PreviewReading.read(store, at))
                .thenAcceptAsync(this::offerAll, engine.scheduler())
                .whenComplete((v, error) -> {
                    if (writes.isClosed()) {
                        return;
                    }
                    if (error != null) {
                        log.warn("preview round failed: {}", error.toString());
                    }
                    engine.scheduler().schedule(interval.get(), this::tick);
                });
    }

    private void offerAll(PreviewReading reading) {
        LocalDateTime now = engine.now();
        Map<Integer, OutgoingCallStore.Campaign> live = new HashMap<>();
        for (OutgoingCallStore.Campaign c : reading.campaigns()) {
            CampaignWindow window = new CampaignWindow(c.startDate(), c.endDate(),
                    new DailyWindow(c.dailyStart(), c.dailyEnd()));
            if (window.activity(c.status(), now) == CampaignActivity.ACTIVE) {
                live.put(c.id(), c);
            }
        }
        for (PreviewOffers.Held held : offers.all()) {
            AgentState agent = engine.stateByNumber(held.offer.agentNumber()).orElse(null);
            if (!live.containsKey(held.offer.campaignId())) {
                offers.cancel(held, "campaign");
            } else if (agent == null || !PreviewOffers.free(agent)) {
                offers.cancel(held, agent == null || !agent.loggedIn ? "logout"
                        : agent.pause != null ? "pause" : "busy");
            }
        }
        for (OutgoingCallStore.Campaign campaign : live.values()) {
            offerCampaign(campaign, reading, now);
        }
    }

    private void offerCampaign(OutgoingCallStore.Campaign campaign, PreviewReading reading, LocalDateTime now) {
        Set<Long> taken = new HashSet<>(reading.reserved().getOrDefault(campaign.id(), Map.of()).keySet());
        List<String> inCall = new ArrayList<>();
        // Calls accepted since the read was queued are still candidates in it: skip them by id and number.
        for (OutboundCall call : dialer.liveCalls(campaign.id())) {
            taken.add(call.callId);
            inCall.add(call.phone);
        }
        for (PreviewOffers.Held held : offers.live()) {
            taken.add(held.offer.callId());
            inCall.add(held.offer.phone());
        }
        List<CandidateCall> candidates = reading.candidates().getOrDefault(campaign.id(), List.of());
        CampaignOptions options = reading.options().getOrDefault(campaign.id(), CampaignOptions.DEFAULTS);
        for (AgentState agent : freeAgents(campaign.queue())) {
            Set<Long> skipped = offers.declinedBy(agent.number());
            List<CandidateCall> open = candidates.stream()
                    .filter(c -> !taken.contains(c.id()) && !skipped.contains(c.id())).toList();
            List<CandidateCall> chosen = CandidatePolicy.select(open, campaign.retries(), now, reading.doNotCall(),
                    inCall, 1).chosen();
            if (chosen.isEmpty()) {
                continue;
            }
            CandidateCall call = chosen.get(0);
            taken.add(call.id());
            inCall.add(call.phone());
            offers.offer(agent, campaign, call, options.previewTimeout(), now);
        }
    }

    /** Free agents of the queue without an offer, in agent order (the same order every round). */
    private List<AgentState> freeAgents(String queue) {
        return StreamSupport.stream(engine.states().spliterator(), false)
                .filter(s -> PreviewOffers.free(s) && s.queues.contains(queue) && !offers.hasOffer(s.number()))
                .sorted(Comparator.comparing(AgentState::number))
                .toList();
    }

    // ---- the agent's answers -------------------------------------------------------------

    @Override
    public Optional<PreviewOffer> offer(String agentNumber) {
        return offers.published(agentNumber);
    }

    @Override
    public CompletableFuture<EngineResult> accept(String agentNumber, long callId) {
        // The whole check on the engine thread: composed outside it, a future already complete
        // would run the next step on the caller's thread.
        return CompletableFuture.supplyAsync(() -> refusal(agentNumber, callId)
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> confirmAndDial(offers.held(agentNumber))), engine.scheduler())
                .thenCompose(answer -> answer);
    }

    /** Dials only if the database's reservation is this agent's: another host may have offered it first. */
    private CompletableFuture<EngineResult> confirmAndDial(PreviewOffers.Held held) {
        LocalDateTime at = engine.now();
        int campaignId = held.offer.campaignId();
        return writes.readAfterWrites("preview accept", () -> store.previewReservations(campaignId, at))
                .handleAsync((reserved, error) -> {
                    if (error != null) {
                        log.warn("preview call {}: reservation not readable: {}", held.offer.callId(), error.toString());
                        return EngineResult.failed(503, "Database unavailable");
                    }
                    String agentNumber = held.offer.agentNumber();
                    if (offers.held(agentNumber) != held) { // expired or withdrawn while the read ran
                        return refusal(agentNumber, held.offer.callId()).orElse(NO_OFFER);
                    }
                    AgentState agent = engine.stateByNumber(agentNumber).orElse(null);
                    if (agent == null || !PreviewOffers.free(agent)) {
                        offers.cancel(held, "busy");
                        return BUSY;
                    }
                    if (!agentNumber.equals(reserved.get(held.offer.callId()))) {
                        log.warn("preview call {} is reserved for {} in the database, not for {}", held.offer.callId(),
                                reserved.get(held.offer.callId()), agentNumber);
                        offers.cancel(held, "taken");
                        return TAKEN;
                    }
                    // Placing is journalled before the reservation goes, so no reader sees the call free.
                    dialer.originatePreview(held.campaign, held.call, agent);
                    offers.release(held);
                    engine.metrics.previewEnded(campaignId, "accepted");
                    log.info("preview call {} of campaign {} accepted by {}", held.offer.callId(), campaignId,
                            agentNumber);
                    return EngineResult.OK;
                }, engine.scheduler());
    }

    @Override
    public CompletableFuture<EngineResult> reject(String agentNumber, long callId) {
        return CompletableFuture.supplyAsync(() -> refusal(agentNumber, callId).orElseGet(() -> {
            offers.cancel(offers.held(agentNumber), "rejected");
            return EngineResult.OK;
        }), engine.scheduler());
    }

    /** Why the agent may not answer for this call now, if it may not. Engine thread. */
    private Optional<EngineResult> refusal(String agentNumber, long callId) {
        PreviewOffers.Held held = offers.held(agentNumber);
        if (held != null && held.offer.callId() == callId) {
            return Optional.empty();
        }
        if (offers.offeredToSomeone(callId) || dialer.following(callId)) {
            return Optional.of(TAKEN);
        }
        if (offers.expiredFor(agentNumber, callId)) {
            return Optional.of(EXPIRED);
        }
        return Optional.of(held == null ? NO_OFFER
                : EngineResult.failed(404, "Call " + callId + " is not the call offered to this agent"));
    }
}
