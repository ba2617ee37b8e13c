package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preview offers of this host, one per agent at most, and how each one ends: offered
 * ({@code PreviewReserved}, previewcall, a timer of the campaign's preview_seconds), then
 * released when accepted, or cancelled (rejected, expired, or withdrawn by a logout, a break or
 * another call; previewcancelled). Engine thread, except {@link #published}.
 */
final class PreviewOffers {
    private static final Logger log = LoggerFactory.getLogger(PreviewOffers.class);

    /** An offer with what dialling it needs. Engine thread. */
    static final class Held {
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
    private final EngineWrites writes;
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

    PreviewOffers(AgentEngine engine, EngineWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    /** Logged in, not paused, not on a call nor on hold, with an extension: may take a preview call. */
    static boolean free(AgentState s) {
        return s.loggedIn && s.pause == null && s.call == null && s.outboundCall == null && !s.onHold
                && s.extension != null;
    }

    /** The offer as handlers see it (any thread). */
    Optional<PreviewOffer> published(String agentNumber) {
        return Optional.ofNullable(published.get(agentNumber));
    }

    Held held(String agentNumber) {
        return byAgent.get(agentNumber);
    }

    boolean hasOffer(String agentNumber) {
        return byAgent.containsKey(agentNumber);
    }

    /** A copy: cancelling while iterating is allowed. */
    List<Held> all() {
        return List.copyOf(byAgent.values());
    }

    Collection<Held> live() {
        return byAgent.values();
    }

    boolean offeredToSomeone(long callId) {
        return byAgent.values().stream().anyMatch(h -> h.offer.callId() == callId);
    }

    Set<Long> declinedBy(String agentNumber) {
        return declined.getOrDefault(agentNumber, Set.of());
    }

    boolean expiredFor(String agentNumber, long callId) {
        return Long.valueOf(callId).equals(expired.get(agentNumber));
    }

    void offer(AgentState agent, OutgoingCallStore.Campaign campaign, CandidateCall call, Duration timeout,
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
    void cancel(Held held, String reason) {
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

    /** Ends the offer without a word to the agent (accepted, or on the way to a cancel). */
    void release(Held held) {
        held.timer.cancel();
        byAgent.remove(held.offer.agentNumber());
        published.remove(held.offer.agentNumber());
        writes.write(new JournalRecord.PreviewReleased(held.offer.callId(), held.offer.agentNumber()));
    }

    /** Logout, break or another call: the offer goes at once, not at the next round. */
    void onAgentEvent(AgentEvent event) {
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
}
