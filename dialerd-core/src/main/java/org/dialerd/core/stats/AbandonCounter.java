package org.dialerd.core.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.EngineListener;
import org.dialerd.core.store.OutgoingCallStore.AnsweredAttempt;

/**
 * Counts campaign calls abandoned by the regulatory rule (FTC TSR, Ofcom): a call a person
 * answered (the callprogress Ringing that follows OriginateResponse success, or the call's
 * first sign of answer) that no agent was connected to (callprogress Success) within
 * {@link #RULE} of the answer. A late link counts abandoned, and so does a call still waiting
 * past 2 s, at once: the rule is broken then, whatever happens next.
 *
 * <p>Figures are kept per campaign and per day of the answer: today, and the last 30 days
 * (today and the 29 days before; a day is the unit, so the window moves at midnight). At start
 * {@link #rebuild} fills them from the database's progress rows; from then on they follow the
 * engine's events, with no database query per read. Updated on the engine thread and read from
 * any thread under one lock, held for microseconds.
 */
public final class AbandonCounter implements EngineListener, AbandonRates {
    /** The most time between answer and agent the rule allows. */
    public static final Duration RULE = Duration.ofSeconds(2);
    /** Days in the long window, today included. */
    public static final int DAYS = 30;

    /** An answered call no agent has taken yet, by call id (one attempt of a call is live at a time). */
    private record Waiting(int campaignId, LocalDateTime answered) {}

    private final Clock clock;
    private final IntToDoubleFunction targetPercent;
    /** Per campaign, per day of answer: {answered, abandoned}. */
    private final Map<Integer, TreeMap<LocalDate, long[]>> days = new HashMap<>();
    private final Map<Long, Waiting> waiting = new HashMap<>();

    /**
     * @param clock         the engine's clock (events carry its local times)
     * @param targetPercent each campaign's abandon_target_pct
     */
    public AbandonCounter(Clock clock, IntToDoubleFunction targetPercent) {
        this.clock = clock;
        this.targetPercent = targetPercent;
    }

    @Override
    public void onEvent(AgentEvent event) {
        if (!(event instanceof AgentEvent.CallProgress p) || p.campaignId() == null
                || !"outgoing".equals(p.campaignType())) {
            return;
        }
        switch (p.newStatus()) {
            case "Ringing" -> answered(p.campaignId(), p.callId(), p.when());
            case "Success" -> linked(p.callId(), p.when());
            case "Abandoned", "Hangup", "Failure", "NoAnswer", "ShortCall" -> gone(p.callId());
            default -> { } // Placing, Dialing, OnQueue, OnHold, OffHold decide nothing
        }
    }

    /**
     * Adds what the database holds of the last 30 days. Called once at start, before the
     * counter listens to the engine; an attempt answered less than 2 s ago with no agent yet is
     * followed live from here.
     */
    public synchronized void rebuild(List<AnsweredAttempt> attempts) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate first = now.toLocalDate().minusDays(DAYS - 1);
        for (AnsweredAttempt a : attempts) {
            if (a.answered().toLocalDate().isBefore(first)) {
                continue;
            }
            long[] day = day(a.campaignId(), a.answered().toLocalDate());
            day[0]++;
            if (a.linked().isPresent() ? late(a.answered(), a.linked().get()) : late(a.answered(), now)) {
                day[1]++;
            } else if (a.linked().isEmpty()) {
                waiting.put(a.callId(), new Waiting(a.campaignId(), a.answered()));
            }
        }
    }

    private synchronized void answered(int campaignId, long callId, LocalDateTime when) {
        settle(when);
        if (waiting.putIfAbsent(callId, new Waiting(campaignId, when)) == null) {
            day(campaignId, when.toLocalDate())[0]++;
        }
    }

    private synchronized void linked(long callId, LocalDateTime when) {
        Waiting w = waiting.remove(callId);
        if (w != null && late(w.answered(), when)) {
            abandon(w);
        }
    }

    private synchronized void gone(long callId) {
        Waiting w = waiting.remove(callId);
        if (w != null) {
            abandon(w);
        }
    }

    /** Calls waiting past the rule are abandoned now. */
    private void settle(LocalDateTime now) {
        for (Iterator<Waiting> it = waiting.values().iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            if (late(w.answered(), now)) {
                it.remove();
                abandon(w);
            }
        }
    }

    private void abandon(Waiting w) {
        day(w.campaignId(), w.answered().toLocalDate())[1]++;
    }

    private static boolean late(LocalDateTime answered, LocalDateTime linked) {
        return Duration.between(answered, linked).compareTo(RULE) > 0;
    }

    private long[] day(int campaignId, LocalDate date) {
        return days.computeIfAbsent(campaignId, id -> new TreeMap<>()).computeIfAbsent(date, d -> new long[2]);
    }

    @Override
    public synchronized AbandonFigures figures(int campaignId) {
        LocalDateTime now = LocalDateTime.now(clock);
        settle(now);
        return figuresAt(campaignId, now.toLocalDate());
    }

    @Override
    public synchronized List<AbandonFigures> all() {
        LocalDateTime now = LocalDateTime.now(clock);
        settle(now);
        List<AbandonFigures> all = new ArrayList<>();
        days.keySet().stream().sorted().forEach(id -> {
            AbandonFigures f = figuresAt(id, now.toLocalDate());
            if (f.last30Days().answered() > 0) {
                all.add(f);
            }
        });
        return all;
    }

    private AbandonFigures figuresAt(int campaignId, LocalDate today) {
        TreeMap<LocalDate, long[]> byDay = days.get(campaignId);
        AbandonFigures.Tally day = AbandonFigures.Tally.EMPTY;
        AbandonFigures.Tally month = AbandonFigures.Tally.EMPTY;
        if (byDay != null) {
            byDay.headMap(today.minusDays(DAYS - 1)).clear(); // older than the window: never read again
            for (Map.Entry<LocalDate, long[]> e : byDay.entrySet()) {
                AbandonFigures.Tally t = new AbandonFigures.Tally(e.getValue()[0], e.getValue()[1]);
                month = month.plus(t);
                if (e.getKey().equals(today)) {
                    day = t;
                }
            }
        }
        return new AbandonFigures(campaignId, day, month, targetPercent.applyAsDouble(campaignId));
    }
}
