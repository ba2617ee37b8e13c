package org.dialerd.core.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dialerd.core.dialer.CampaignActivity;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.dialer.CampaignOptionsCache;
import org.dialerd.core.dialer.CampaignWindow;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.dialer.CandidatePolicy;
import org.dialerd.core.dialer.DailyWindow;
import org.dialerd.core.dialer.DialDecision;
import org.dialerd.core.dialer.DialMode;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's round, every {@code dialer.entretiempo} while AMI is up: reads the campaigns and
 * their candidates after the engine's earlier writes ({@link DialerReading}), then on the engine
 * thread expires or finishes each campaign, places its agent-scheduled calls, asks
 * {@link CampaignDialing} how many calls to place and picks them with the {@link CandidatePolicy}.
 *
 * <p>No cap on a round: a campaign gets the number of calls its strategy asks for. Each read takes
 * at least {@link DialerReading#CANDIDATE_ROWS} rows per campaign, and twice what the campaign
 * asked for in the previous round (plus the rows it skipped) when that is more. When a campaign
 * still wants calls after its rows ran out and the read was full (more rows may exist), the round
 * reads again for that campaign, once the calls just placed are written (so they are not read
 * again), and decides again with them counted as originating: at most {@link #MAX_MORE_READS}
 * more reads per round. Every read of a round is a fresh read after the engine's writes, never
 * one made before the round began (docs/dialer.md, "Reading the candidates").
 */
final class DialerRound {
    private static final Logger log = LoggerFactory.getLogger(DialerRound.class);

    private final AgentEngine engine;
    private final OutboundDialer calls;
    private final OutboundOutcomes outcomes;
    private final OutgoingCallStore store;
    /** Told each round's read of the options, so the readers that share it see what the round saw. */
    private final CampaignOptionsCache options;
    private final EngineWrites writes;
    private final Supplier<DaemonSettings> settings;
    private final DialerSettings dialer;
    private final CampaignDialing dialing;
    private final RecentCalls recent;
    private final OriginateWatchdog watchdog;
    /** Candidate rows the next round reads per campaign: sized by what the campaign asked for. Engine thread. */
    private final Map<Integer, Integer> rows = new HashMap<>();
    /** Rounds finished (read and decisions, whatever their outcome); read by tests from any thread. */
    private volatile long rounds;

    DialerRound(AgentEngine engine, OutboundDialer calls, OutboundOutcomes outcomes, OutgoingCallStore store,
                CampaignOptionsCache options, EngineWrites writes, Supplier<DaemonSettings> settings, DialerSettings dialer, CampaignDialing dialing,
                RecentCalls recent, OriginateWatchdog watchdog) {
        this.engine = engine;
        this.calls = calls;
        this.outcomes = outcomes;
        this.store = store;
        this.options = options;
        this.writes = writes;
        this.settings = settings;
        this.dialer = dialer;
        this.dialing = dialing;
        this.recent = recent;
        this.watchdog = watchdog;
    }

    /** Rounds finished so far: a round that finishes after another began after that one's end. */
    long rounds() {
        return rounds;
    }

    void tick() {
        if (!engine.pbxConnected()) {
            engine.scheduler().schedule(dialer.roundInterval(settings.get()), this::tick);
            return;
        }
        watchdog.check(calls.pending());
        long endingsBefore = calls.endings();
        readAndDial(Map.copyOf(rows), Set.of(), endingsBefore, 0)
                .whenComplete((v, error) -> {
                    rounds++;
                    if (writes.isClosed()) {
                        log.debug("dialer stopped: dialerd is stopping");
                        return;
                    }
                    if (error != null) {
                        log.warn("dialer round failed: {}", error.toString());
                    }
                    engine.scheduler().schedule(dialer.roundInterval(settings.get()), this::tick);
                });
    }

    /** Most extra reads in one round for campaigns whose rows ran out. */
    static final int MAX_MORE_READS = 4;

    /**
     * Reads after every write already made (no stale candidates), dials, and reads again for the
     * campaigns that ran out of rows.
     *
     * @param asked candidate rows per campaign; {@code only}: the campaigns to read (empty: all)
     */
    private CompletableFuture<Void> readAndDial(Map<Integer, Integer> asked, Set<Integer> only, long endingsBefore,
                                                int moreReads) {
        String description = moreReads == 0 ? "dialer read" : "dialer read, more rows";
        LocalDateTime at = engine.now(); // the windows are tested in the read at the dialer's clock
        return writes.readAfterWrites(description, () -> {
                    DialerReading reading = DialerReading.read(store, at, asked, only);
                    options.offer(reading.options());
                    return reading;
                })
                .thenComposeAsync(reading -> {
                    boolean current = moreReads == 0 && calls.endings() == endingsBefore;
                    Map<Integer, Integer> more = dial(reading, asked, current, moreReads == 0);
                    if (more.isEmpty() || moreReads >= MAX_MORE_READS) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return readAndDial(more, more.keySet(), endingsBefore, moreReads + 1);
                }, engine.scheduler());
    }

    /**
     * @param readIsCurrent no call ended since the read was queued: only then may an empty
     *                      candidate list mean the campaign is finished (an ending retry would
     *                      not be in the read)
     * @param first         the round's first read: it sizes the next round's reads
     * @return the campaigns that want more calls than their full read held, with the rows to read
     */
    private Map<Integer, Integer> dial(DialerReading reading, Map<Integer, Integer> asked, boolean readIsCurrent,
                                       boolean first) {
        LocalDateTime now = engine.now();
        Map<Integer, Integer> more = new HashMap<>();
        if (first) {
            engine.metrics.dialerRound();
        }
        for (OutgoingCallStore.Campaign campaign : reading.campaigns()) {
            CampaignWindow window = new CampaignWindow(campaign.startDate(), campaign.endDate(),
                    new DailyWindow(campaign.dailyStart(), campaign.dailyEnd()));
            CampaignActivity activity = window.activity(campaign.status(), now);
            if (activity.newStatus().isPresent()) {
                String status = activity.newStatus().get();
                log.info("campaign {} expired: status {}", campaign.id(), status);
                writes.write(new JournalRecord.CampaignStatus(campaign.id(), status));
                continue;
            }
            if (activity != CampaignActivity.ACTIVE) {
                continue;
            }
            List<OutgoingCallStore.ScheduledCall> scheduled = reading.scheduled().getOrDefault(campaign.id(), List.of());
            placeScheduled(campaign, scheduled, reading.doNotCall(), now);
            List<CandidateCall> candidates = reading.candidates().getOrDefault(campaign.id(), List.of());
            List<OutboundCall> live = calls.liveCalls(campaign.id());
            // Finished only when no call can be dialled now nor later (the read's own question,
            // DialerReading.later), nothing is in progress and no call ended since the read.
            if (readIsCurrent && scheduled.isEmpty() && live.isEmpty() && reading.nothingLeft(campaign, now)) {
                log.info("campaign {} has nothing left to dial: finished", campaign.id());
                writes.write(new JournalRecord.CampaignStatus(campaign.id(), "T"));
                continue;
            }
            CampaignOptions options = reading.options().getOrDefault(campaign.id(), CampaignOptions.DEFAULTS);
            if (options.mode() == DialMode.PREVIEW) {
                continue; // dials only what an agent accepts (PreviewDialer)
            }
            DialDecision decision = dialing.decide(campaign, options, live, outcomes.talkStats(campaign), recent, now);
            // Every round, as the reference's debug output (dialer.debug = 1 turns it on).
            log.debug("campaign {}: {}", campaign.id(), decision.explain());
            int wanted = decision.callsToPlace();
            engine.metrics.dialDecision(campaign.id(), wanted);
            if (wanted == 0) {
                continue;
            }
            List<String> inCall = live.stream().map(c -> c.phone).toList();
            CandidatePolicy.Selection selection = CandidatePolicy.select(candidates, campaign.retries(), now,
                    reading.doNotCall(), inCall, wanted);
            selection.chosen().forEach(call -> calls.originate(campaign, call, now, null, false));
            int skipped = selection.skipped().size();
            if (first) {
                rows.put(campaign.id(), 2 * wanted + skipped);
            }
            int shortBy = wanted - selection.chosen().size();
            if (shortBy > 0 && candidates.size() >= DialerReading.rowsFor(asked, campaign.id())) {
                // The skipped rows come back in the next read (the chosen ones are Placing by
                // then): it reads past them.
                more.put(campaign.id(), DialerReading.rowsFor(asked, campaign.id()) + 2 * shortBy);
            }
        }
        return more;
    }

    /** Agent-scheduled calls whose window is open and whose agent is free: dialled for that agent. */
    private void placeScheduled(OutgoingCallStore.Campaign campaign, List<OutgoingCallStore.ScheduledCall> scheduled,
                                Set<String> doNotCall, LocalDateTime now) {
        for (OutgoingCallStore.ScheduledCall call : scheduled) {
            AgentState agent = engine.stateByNumber(call.agent()).orElse(null);
            boolean free = agent != null && agent.loggedIn && agent.pause == null && agent.call == null
                    && agent.outboundCall == null && !agent.onHold && agent.wrapup == null && agent.extension != null;
            if (calls.following(call.callId()) || !free || !call.candidate().window().matches(now)
                    && !call.candidate().window().isUnbounded()) {
                continue;
            }
            if (doNotCall.contains(call.phone())) {
                continue;
            }
            calls.originate(campaign, call.candidate(), now, agent, false);
        }
    }
}
