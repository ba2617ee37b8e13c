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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.dialerd.core.dialer.CampaignActivity;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CampaignWindow;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.CandidatePolicy;
import org.dialerd.core.dialer.DailyWindow;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.journal.JournalRecord;
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
 * thread; reads run off it after the engine's earlier writes.
 */
final class PreviewDialer implements PreviewService {
    private static final Logger log = LoggerFactory.getLogger(PreviewDialer.class);
    private static final int CANDIDATE_ROWS = 200;
    static final EngineResult NO_OFFER = EngineResult.failed(404, "No preview call offered to this agent");
    static final EngineResult EXPIRED = EngineResult.failed(410, "Preview offer expired");
    static final EngineResult TAKEN = EngineResult.failed(409, "Call already taken by another agent");
    static final EngineResult BUSY = EngineResult.failed(409, "Agent is not free for a preview call");

    /** What one round read; {@code reserved}: per campaign, call id → agent of every host's live reservation. */
    private record Reading(List<OutgoingCallStore.Campaign> campaigns, Map<Integer, CampaignOptions> options,
                           Map<Integer, List<CandidateCall>> candidates, Map<Integer, Map<Long, String>> reserved,
                           Set<String> doNotCall) {}

    /** An offer with what dialling it needs. Engine thread. */
    private static final class Held {
        final PreviewOffer offer;
        final OutgoingCallStore.Campaign campaign;
        final CandidateCall call;
        EngineScheduler.Cancellable timer;

        Held(PreviewOffer offer, OutgoingCallStore.Campaign campaign, CandidateCall call) {
            this.offer = offer;
            this.campaign = campaign;
            this.call = call;
        }
    }

    private final AgentEngine engine;
    private final OutboundDialer dialer;
    private final OutgoingCallStore store;
    private final EngineWrites writes;
    private final Supplier<Duration> interval;
    private final Map<String, Held> byAgent = new HashMap<>();
    /** The offers as handlers read them, from any thread; written on the engine thread only. */
    private final Map<String, PreviewOffer> published = new ConcurrentHashMap<>();
    /**
     * Calls each agent rejected or let expire while logged in: not offered to it again. A call
     * withdrawn for a break or another call may be offered to it again.
     */
    private final Map<String, Set<Long>> declined = new HashMap<>();
    /** The agent's last offer that expired, so a late accept hears "expired", not "no offer". */
    private final Map<String, Long> expired = new HashMap<>();

    PreviewDialer(AgentEngine engine, OutboundDialer dialer, OutgoingCallStore store, EngineWrites writes,
                  Supplier<Duration> interval) {
        this.engine = engine;
        this.dialer = dialer;
        this.store = store;
        this.writes = writes;
        this.interval = interval;
    }

    void start() {
        engine.addListener(this::onAgentEvent);
        engine.scheduler().execute(this::tick);
    }

    // ---- rounds ------------------------------------------------------------------------

    private void tick() {
        if (!engine.pbxConnected()) {
            engine.scheduler().schedule(interval.get(), this::tick);
            return;
        }
        LocalDateTime at = engine.now();
        writes.readAfterWrites("preview read", () -> read(at))
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

    private Reading read(LocalDateTime at) {
        Map<Integer, CampaignOptions> options = store.campaignOptions();
        List<OutgoingCallStore.Campaign> campaigns = store.activeCampaigns().stream()
                .filter(c -> options.getOrDefault(c.id(), CampaignOptions.DEFAULTS).mode() == DialMode.PREVIEW)
                .toList();
        Map<Integer, List<CandidateCall>> candidates = new HashMap<>();
        Map<Integer, Map<Long, String>> reserved = new HashMap<>();
        for (OutgoingCallStore.Campaign c : campaigns) {
            candidates.put(c.id(), store.candidates(c.id(), c.retries(), CANDIDATE_ROWS));
            reserved.put(c.id(), store.previewReservations(c.id(), at));
        }
        return new Reading(campaigns, options, candidates, reserved,
                campaigns.isEmpty() ? Set.of() : store.doNotCall());
    }

    private void offerAll(Reading reading) {
        LocalDateTime now = engine.now();
        Map<Integer, OutgoingCallStore.Campaign> live = new HashMap<>();
        for (OutgoingCallStore.Campaign c : reading.campaigns()) {
            CampaignWindow window = new CampaignWindow(c.startDate(), c.endDate(),
                    new DailyWindow(c.dailyStart(), c.dailyEnd()));
            if (window.activity(c.status(), now) == CampaignActivity.ACTIVE) {
                live.put(c.id(), c);
            }
        }
        for (Held held : List.copyOf(byAgent.values())) {
            AgentState agent = engine.stateByNumber(held.offer.agentNumber()).orElse(null);
            if (!live.containsKey(held.offer.campaignId())) {
                cancel(held, "campaign");
            } else if (agent == null || !free(agent)) {
                cancel(held, agent == null || !agent.loggedIn ? "logout" : agent.pause != null ? "pause" : "busy");
            }
        }
        for (OutgoingCallStore.Campaign campaign : live.values()) {
            offerCampaign(campaign, reading, now);
        }
    }

    private void offerCampaign(OutgoingCallStore.Campaign campaign, Reading reading, LocalDateTime now) {
        Set<Long> taken = new HashSet<>(reading.reserved().getOrDefault(campaign.id(), Map.of()).keySet());
        List<String> inCall = new ArrayList<>();
        // Calls accepted since the read was queued are still candidates in it: skip them by id and number.
        for (OutboundCall call : dialer.liveCalls(campaign.id())) {
            taken.add(call.callId);
            inCall.add(call.phone);
        }
        for (Held held : byAgent.values()) {
            taken.add(held.offer.callId());
            inCall.add(held.offer.phone());
        }
        List<CandidateCall> candidates = reading.candidates().getOrDefault(campaign.id(), List.of());
        CampaignOptions options = reading.options().getOrDefault(campaign.id(), CampaignOptions.DEFAULTS);
        for (AgentState agent : freeAgents(campaign.queue())) {
            Set<Long> skipped = declined.getOrDefault(agent.number(), Set.of());
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
            offer(agent, campaign, call, options.previewTimeout(), now);
        }
    }

    /** Free agents of the queue without an offer, in agent order (the same order every round). */
    private List<AgentState> freeAgents(String queue) {
        return StreamSupport.stream(engine.states().spliterator(), false)
                .filter(s -> free(s) && s.queues.contains(queue) && !byAgent.containsKey(s.number()))
                .sorted(Comparator.comparing(AgentState::number))
                .toList();
    }

    private static boolean free(AgentState s) {
        return s.loggedIn && s.pause == null && s.call == null && s.outboundCall == null && !s.onHold
                && s.extension != null;
    }

    private void offer(AgentState agent, OutgoingCallStore.Campaign campaign, CandidateCall call, Duration timeout,
                       LocalDateTime now) {
        PreviewOffer offer = new PreviewOffer(agent.number(), campaign.id(), campaign.name(), call.id(), call.phone(),
                campaign.queue(), now, now.plus(timeout));
        Held held = new Held(offer, campaign, call);
        held.timer = engine.scheduler().schedule(timeout, () -> expire(held));
        byAgent.put(agent.number(), held);
        published.put(agent.number(), offer);
        writes.write(new JournalRecord.PreviewReserved(call.id(), campaign.id(), agent.number(), now, offer.expires()));
        log.info("preview call {} of campaign {} offered to {} until {}", call.id(), campaign.id(), agent.number(),
                offer.expires());
        engine.metrics.previewOffered(campaign.id());
        engine.emit(new AgentEvent.PreviewOffered(agent.number(), offer));
    }

    private void expire(Held held) {
        if (byAgent.get(held.offer.agentNumber()) != held) {
            return;
        }
        expired.put(held.offer.agentNumber(), held.offer.callId());
        cancel(held, "expired");
    }

    /** Ends an offer the agent did not take; the call goes back to the pool. */
    private void cancel(Held held, String reason) {
        release(held);
        if (reason.equals("rejected") || reason.equals("expired")) {
            declined.computeIfAbsent(held.offer.agentNumber(), a -> new HashSet<>()).add(held.offer.callId());
        }
        log.info("preview call {} of campaign {} no longer offered to {}: {}", held.offer.callId(),
                held.offer.campaignId(), held.offer.agentNumber(), reason);
        engine.metrics.previewEnded(held.offer.campaignId(),
                reason.equals("rejected") || reason.equals("expired") ? reason : "withdrawn");
        engine.emit(new AgentEvent.PreviewCancelled(held.offer.agentNumber(), held.offer.campaignId(),
                held.offer.callId(), reason));
    }

    private void release(Held held) {
        held.timer.cancel();
        byAgent.remove(held.offer.agentNumber());
        published.remove(held.offer.agentNumber());
        writes.write(new JournalRecord.PreviewReleased(held.offer.callId(), held.offer.agentNumber()));
    }

    /** Logout, break or another call: the offer goes at once, not at the next round. */
    private void onAgentEvent(AgentEvent event) {
        String reason = event instanceof AgentEvent.AgentLoggedOut ? "logout"
                : event instanceof AgentEvent.PauseStart ? "pause"
                : event instanceof AgentEvent.AgentLinked ? "busy" : null;
        if (reason == null) {
            return;
        }
        // Run after the event has reached every listener, so previewcancelled follows it.
        engine.scheduler().execute(() -> {
            Held held = byAgent.get(event.agentNumber());
            if (held != null) {
                cancel(held, reason);
            }
            if (reason.equals("logout")) {
                declined.remove(event.agentNumber());
                expired.remove(event.agentNumber());
            }
        });
    }

    // ---- the agent's answers -------------------------------------------------------------

    @Override
    public Optional<PreviewOffer> offer(String agentNumber) {
        return Optional.ofNullable(published.get(agentNumber));
    }

    @Override
    public CompletableFuture<EngineResult> accept(String agentNumber, long callId) {
        // The whole check on the engine thread: composed outside it, a future already complete
        // would run the next step on the caller's thread.
        return CompletableFuture.supplyAsync(() -> refusal(agentNumber, callId)
                        .map(CompletableFuture::completedFuture)
                        .orElseGet(() -> confirmAndDial(byAgent.get(agentNumber))), engine.scheduler())
                .thenCompose(answer -> answer);
    }

    /** Dials only if the database's reservation is this agent's: another host may have offered it first. */
    private CompletableFuture<EngineResult> confirmAndDial(Held held) {
        LocalDateTime at = engine.now();
        int campaignId = held.offer.campaignId();
        return writes.readAfterWrites("preview accept", () -> store.previewReservations(campaignId, at))
                .handleAsync((reserved, error) -> {
                    if (error != null) {
                        log.warn("preview call {}: reservation not readable: {}", held.offer.callId(), error.toString());
                        return EngineResult.failed(503, "Database unavailable");
                    }
                    String agentNumber = held.offer.agentNumber();
                    if (byAgent.get(agentNumber) != held) { // expired or withdrawn while the read ran
                        return refusal(agentNumber, held.offer.callId()).orElse(NO_OFFER);
                    }
                    AgentState agent = engine.stateByNumber(agentNumber).orElse(null);
                    if (agent == null || !free(agent)) {
                        cancel(held, "busy");
                        return BUSY;
                    }
                    if (!agentNumber.equals(reserved.get(held.offer.callId()))) {
                        log.warn("preview call {} is reserved for {} in the database, not for {}", held.offer.callId(),
                                reserved.get(held.offer.callId()), agentNumber);
                        cancel(held, "taken");
                        return TAKEN;
                    }
                    // Placing is journalled before the reservation goes, so no reader sees the call free.
                    dialer.originatePreview(held.campaign, held.call, agent);
                    release(held);
                    engine.metrics.previewEnded(campaignId, "accepted");
                    log.info("preview call {} of campaign {} accepted by {}", held.offer.callId(), campaignId,
                            agentNumber);
                    return EngineResult.OK;
                }, engine.scheduler());
    }

    @Override
    public CompletableFuture<EngineResult> reject(String agentNumber, long callId) {
        return CompletableFuture.supplyAsync(() -> refusal(agentNumber, callId).orElseGet(() -> {
            cancel(byAgent.get(agentNumber), "rejected");
            return EngineResult.OK;
        }), engine.scheduler());
    }

    /** Why the agent may not answer for this call now, if it may not. Engine thread. */
    private Optional<EngineResult> refusal(String agentNumber, long callId) {
        Held held = byAgent.get(agentNumber);
        if (held != null && held.offer.callId() == callId) {
            return Optional.empty();
        }
        boolean elsewhere = byAgent.values().stream().anyMatch(h -> h.offer.callId() == callId)
                || dialer.following(callId);
        if (elsewhere) {
            return Optional.of(TAKEN);
        }
        if (Long.valueOf(callId).equals(expired.get(agentNumber))) {
            return Optional.of(EXPIRED);
        }
        return Optional.of(held == null ? NO_OFFER
                : EngineResult.failed(404, "Call " + callId + " is not the call offered to this agent"));
    }
}
