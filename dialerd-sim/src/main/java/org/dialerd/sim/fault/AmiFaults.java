package org.dialerd.sim.fault;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.clock.VirtualScheduler;

/**
 * What goes wrong between the simulated Asterisk and its clients, as a test configures it:
 * a seeded policy (the same seed loses the same messages) that loses or delays the responses
 * to chosen actions and chosen events, and sends responses for ActionIDs nobody used
 * (orphans). Delays run on the simulator's virtual clock. Connection faults (EOF, half-open)
 * are {@code AsteriskSimulator.dropConnections()} and {@code halfOpen()}.
 *
 * <pre>
 * sim.faults(AmiFaults.seeded(42).loseResponses("QueuePause", 1.0).loseNextEvent("OriginateResponse"));
 * </pre>
 *
 * <p>Responses and events pass through {@link #response} and {@link #event} on the engine
 * thread; the ActionID → action map is filled from the sessions' reader threads.
 */
public final class AmiFaults {
    /** What happens to one message. */
    public enum Fate { PASS, LOSE, DELAY }

    private record Rule(double lose, double delay, Duration by) {}

    private final Random random;
    private final Map<String, Rule> responses = new ConcurrentHashMap<>();
    private final Map<String, Rule> events = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> loseNextEvents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> loseNextResponses = new ConcurrentHashMap<>();
    private final Map<String, String> actionOf = new ConcurrentHashMap<>();
    private volatile double orphanRate;
    private final AtomicLong lostResponses = new AtomicLong();
    private final AtomicLong delayedResponses = new AtomicLong();
    private final AtomicLong lostEvents = new AtomicLong();
    private final java.util.Queue<AmiMessage> faulted = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicLong delayedEvents = new AtomicLong();
    private final AtomicLong orphans = new AtomicLong();
    private final AtomicLong orphanIds = new AtomicLong();

    private AmiFaults(long seed) {
        this.random = new Random(seed);
    }

    /** No faults until some are added; {@code seed} decides which messages the rates pick. */
    public static AmiFaults seeded(long seed) {
        return new AmiFaults(seed);
    }

    /** The responses to {@code action} (e.g. {@code QueuePause}) are lost with this probability. */
    public AmiFaults loseResponses(String action, double probability) {
        responses.merge(key(action), new Rule(probability, 0, Duration.ZERO),
                (a, b) -> new Rule(b.lose, a.delay, a.by));
        return this;
    }

    /** The responses to {@code action} come {@code by} late with this probability. */
    public AmiFaults delayResponses(String action, double probability, Duration by) {
        responses.merge(key(action), new Rule(0, probability, by), (a, b) -> new Rule(a.lose, b.delay, b.by));
        return this;
    }

    /** Events named {@code event} (e.g. {@code OriginateResponse}) are lost with this probability. */
    public AmiFaults loseEvents(String event, double probability) {
        events.merge(key(event), new Rule(probability, 0, Duration.ZERO), (a, b) -> new Rule(b.lose, a.delay, a.by));
        return this;
    }

    public AmiFaults delayEvents(String event, double probability, Duration by) {
        events.merge(key(event), new Rule(0, probability, by), (a, b) -> new Rule(a.lose, b.delay, b.by));
        return this;
    }

    /** Exactly the next event of that name is lost. */
    public AmiFaults loseNextEvent(String event) {
        loseNextEvents.computeIfAbsent(key(event), k -> new AtomicInteger()).incrementAndGet();
        return this;
    }

    /** Exactly the next response to that action is lost. */
    public AmiFaults loseNextResponse(String action) {
        loseNextResponses.computeIfAbsent(key(action), k -> new AtomicInteger()).incrementAndGet();
        return this;
    }

    /** After a response, with this probability, one more for an ActionID no client used. */
    public AmiFaults orphanResponses(double probability) {
        this.orphanRate = probability;
        return this;
    }

    /** An action arrived (reader thread): its response will be judged by the action's name. */
    public void actionArrived(AmiMessage action) {
        action.get("ActionID").ifPresent(id -> actionOf.put(id, key(action.getOrEmpty("Action"))));
    }

    /**
     * A message a session is about to send; list items and other non-responses pass. Engine thread.
     *
     * @param send writes the message's wire form (also later, for a delayed one)
     */
    public void response(AmiMessage message, VirtualScheduler clock, java.util.function.Consumer<String> send) {
        String id = message.get("ActionID").orElse(null);
        if (message.isEvent() || message.get("Response").isEmpty() || id == null) {
            send.accept(message.toWire());
            return;
        }
        String action = actionOf.remove(id);
        Fate fate = fate(action, responses, loseNextResponses);
        record(fate, message);
        apply(fate, action == null ? null : responses.get(action), message.toWire(), clock, send, lostResponses,
                delayedResponses);
        if (orphanRate > 0 && random.nextDouble() < orphanRate) {
            orphans.incrementAndGet();
            send.accept(AmiMessage.response("Success", "sim-orphan-" + orphanIds.incrementAndGet())
                    .add("Message", "Nobody asked for this").build().toWire());
        }
    }

    /** A broadcast event about to be written to one session. Engine thread. */
    public void event(AmiMessage event, String wire, VirtualScheduler clock, java.util.function.Consumer<String> send) {
        String name = key(event.eventName());
        Fate fate = fate(name, events, loseNextEvents);
        record(fate, event);
        apply(fate, events.get(name), wire, clock, send, lostEvents, delayedEvents);
    }

    private Fate fate(String name, Map<String, Rule> rules, Map<String, AtomicInteger> next) {
        if (name == null) {
            return Fate.PASS;
        }
        AtomicInteger once = next.get(name);
        if (once != null && once.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Fate.LOSE;
        }
        Rule rule = rules.get(name);
        if (rule == null) {
            return Fate.PASS;
        }
        double draw = random.nextDouble();
        return draw < rule.lose ? Fate.LOSE : draw < rule.lose + rule.delay ? Fate.DELAY : Fate.PASS;
    }

    private static void apply(Fate fate, Rule rule, String wire, VirtualScheduler clock,
                              java.util.function.Consumer<String> send, AtomicLong lost, AtomicLong delayed) {
        switch (fate) {
            case LOSE -> lost.incrementAndGet();
            case DELAY -> {
                delayed.incrementAndGet();
                clock.schedule(rule.by, () -> send.accept(wire));
            }
            default -> send.accept(wire);
        }
    }

    private void record(Fate fate, AmiMessage message) {
        if (fate != Fate.PASS) {
            faulted.add(message);
        }
    }

    /**
     * Every response and event lost or delayed so far, in the order it happened: which action or
     * call each fault touched (ActionID, Uniqueid), so a test can tell the effects of a fault from
     * a defect.
     */
    public List<AmiMessage> faulted() {
        return List.copyOf(faulted);
    }

    public long lostResponses() {
        return lostResponses.get();
    }

    public long delayedResponses() {
        return delayedResponses.get();
    }

    public long lostEvents() {
        return lostEvents.get();
    }

    public long delayedEvents() {
        return delayedEvents.get();
    }

    public long orphanResponses() {
        return orphans.get();
    }

    private static String key(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
