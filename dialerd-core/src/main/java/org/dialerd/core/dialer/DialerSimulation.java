package org.dialerd.core.dialer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.dialerd.core.settings.DaemonSettings;

/**
 * An offline, deterministic model of one outgoing campaign, to judge a dialing policy (the
 * reference {@link Predictor} or a candidate replacement) without Asterisk: same config and
 * seed, same report.
 *
 * <p>Model: N agents serve one queue. Every {@code tick} of virtual time the policy sees a
 * {@link DialerSnapshot} and says how many calls to place. Each call is answered with
 * probability p after an exponential delay, otherwise it fails after the no-answer timeout.
 * An answered call goes to the longest-idle agent, or waits in the queue (FIFO); a call
 * still waiting after {@code abandonAfterSeconds} hangs up (abandoned). Talk times are
 * exponential; an agent is free again the moment the call ends (no wrap-up). Random draws
 * happen in event order from one seeded {@link Random}, so runs repeat exactly.
 */
public final class DialerSimulation {
    /**
     * @param answerProbability       chance an originated call is answered
     * @param meanAnswerDelaySeconds  mean of the exponential originate-to-answer delay
     * @param noAnswerTimeoutSeconds  when an unanswered call gives up
     * @param meanTalkSeconds         mean of the exponential talk time
     * @param abandonAfterSeconds     how long an answered call waits for an agent before hanging up
     */
    public record Config(int agents, double answerProbability, double meanAnswerDelaySeconds,
                         int noAnswerTimeoutSeconds, double meanTalkSeconds, int abandonAfterSeconds,
                         long maxChannels, DaemonSettings settings, Duration length, Duration tick, long seed) {
        public Config {
            Objects.requireNonNull(settings, "settings");
            if (agents < 1 || answerProbability < 0 || answerProbability > 1 || meanAnswerDelaySeconds < 0
                    || noAnswerTimeoutSeconds < 1 || meanTalkSeconds <= 0 || abandonAfterSeconds < 0
                    || maxChannels < 0 || length.isNegative() || tick.isZero() || tick.isNegative()) {
                throw new IllegalArgumentException("invalid simulation config: " + this);
            }
        }

        /** A virtual hour, a decision every 3 s, the reference settings. */
        public static Config typical(int agents, double answerProbability, long seed) {
            return new Config(agents, answerProbability, 8, 30, 120, 10, 0, DaemonSettings.DEFAULTS,
                    Duration.ofHours(1), Duration.ofSeconds(3), seed);
        }

        public Config withSettings(DaemonSettings other) {
            return new Config(agents, answerProbability, meanAnswerDelaySeconds, noAnswerTimeoutSeconds,
                    meanTalkSeconds, abandonAfterSeconds, maxChannels, other, length, tick, seed);
        }

        public Config withMaxChannels(long max) {
            return new Config(agents, answerProbability, meanAnswerDelaySeconds, noAnswerTimeoutSeconds,
                    meanTalkSeconds, abandonAfterSeconds, max, settings, length, tick, seed);
        }
    }

    /**
     * @param abandonRate        abandoned / answered
     * @param answerRate         answered / placed
     * @param agentIdleFraction  idle agent time / (agents x length)
     * @param maxChannelsInUse   most calls holding a channel at once (originating, queued, talking)
     * @param maxOverFreeAgents  largest (calls placed - free agents) over all decisions
     */
    public record Report(int placed, int answered, int abandoned, int completed, int shortCalls,
                         double answerRate, double abandonRate, double agentIdleFraction, int maxChannelsInUse,
                         int maxOverFreeAgents) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "placed=%d answered=%d (%.1f%%) abandoned=%d (%.1f%%) completed=%d short=%d idle=%.1f%% "
                            + "maxChannels=%d maxOverFree=%d", placed, answered, answerRate * 100, abandoned,
                    abandonRate * 100, completed, shortCalls, agentIdleFraction * 100, maxChannelsInUse,
                    maxOverFreeAgents);
        }
    }

    /** Runs the reference predictor. */
    public static Report run(Config config) {
        return run(config, s -> Predictor.decide(s).callsToPlace());
    }

    /** Runs any policy: snapshot in, number of calls to place out. */
    public static Report run(Config config, ToIntFunction<DialerSnapshot> policy) {
        return new Model(config, policy).run();
    }

    private DialerSimulation() {
    }

    private enum Kind { ANSWER, NO_ANSWER, ABANDON, TALK_END }

    private record Event(double at, long seq, Kind kind, Call call, Agent agent) {}

    private static final class Call {
        final double placedAt;
        boolean queued;

        Call(double placedAt) {
            this.placedAt = placedAt;
        }
    }

    private static final class Agent {
        final String name;
        Call call;
        double talkStart;
        double idleSince;

        Agent(String name) {
            this.name = name;
        }
    }

    /** One placed call whose outcome is known, for the 30-minute answer rate. */
    private record Outcome(double placedAt, boolean answered) {}

    private static final class Model {
        private static final double RECENT_WINDOW_SECONDS = 30 * 60;

        private final Config c;
        private final ToIntFunction<DialerSnapshot> policy;
        private final Random random;
        private final ShortCallRule shortCalls;
        private final PriorityQueue<Event> events = new PriorityQueue<>(
                (a, b) -> a.at() != b.at() ? Double.compare(a.at(), b.at()) : Long.compare(a.seq(), b.seq()));
        private final List<Agent> agents = new ArrayList<>();
        private final Deque<Call> queue = new ArrayDeque<>();
        private final Deque<Outcome> recent = new ArrayDeque<>();
        private long seq;
        private double now;
        private int ringing;
        private int talking;
        private RunningStats stats = RunningStats.EMPTY;
        private double answerDelaySum;
        private double idleSeconds;
        private int placed, answered, abandoned, completed, shortCount, maxChannelsInUse;
        private int maxOverFree = Integer.MIN_VALUE;

        Model(Config c, ToIntFunction<DialerSnapshot> policy) {
            this.c = c;
            this.policy = policy;
            this.random = new Random(c.seed());
            this.shortCalls = ShortCallRule.of(c.settings());
            for (int i = 0; i < c.agents(); i++) {
                agents.add(new Agent("Agent/" + (9000 + i)));
            }
        }

        Report run() {
            double end = c.length().toMillis() / 1000.0;
            double tick = c.tick().toMillis() / 1000.0;
            for (double t = 0; t < end; t += tick) {
                advanceTo(t);
                decide();
            }
            advanceTo(end);
            for (Agent a : agents) {
                if (a.call == null) {
                    idleSeconds += end - a.idleSince;
                }
            }
            return new Report(placed, answered, abandoned, completed, shortCount, ratio(answered, placed),
                    ratio(abandoned, answered), idleSeconds / (c.agents() * end), maxChannelsInUse,
                    maxOverFree == Integer.MIN_VALUE ? 0 : maxOverFree);
        }

        private void advanceTo(double t) {
            while (!events.isEmpty() && events.peek().at() <= t) {
                Event e = events.poll();
                now = e.at();
                handle(e);
            }
            now = t;
        }

        private void decide() {
            while (!recent.isEmpty() && recent.peekFirst().placedAt() < now - RECENT_WINDOW_SECONDS) {
                recent.pollFirst();
            }
            List<QueueMember> members = new ArrayList<>();
            int free = 0;
            for (Agent a : agents) {
                if (a.call == null) {
                    free++;
                    members.add(QueueMember.idle(a.name));
                } else {
                    members.add(QueueMember.talking(a.name, (long) (now - a.talkStart)));
                }
            }
            int recentAnswered = (int) recent.stream().filter(Outcome::answered).count();
            double meanAnswer = answered == 0 ? c.settings().initialAnswerSeconds() : answerDelaySum / answered;
            DialerSnapshot snapshot = new DialerSnapshot(members, queue.size(), ringing, 0, channelsInUse(),
                    c.maxChannels(), stats, meanAnswer, recent.size(), recentAnswered, c.settings());
            int n = Math.max(0, policy.applyAsInt(snapshot));
            maxOverFree = Math.max(maxOverFree, n - free);
            for (int i = 0; i < n; i++) {
                place();
            }
        }

        private void place() {
            Call call = new Call(now);
            placed++;
            ringing++;
            if (random.nextDouble() < c.answerProbability()) {
                schedule(now + exponential(c.meanAnswerDelaySeconds()), Kind.ANSWER, call, null);
            } else {
                schedule(now + c.noAnswerTimeoutSeconds(), Kind.NO_ANSWER, call, null);
            }
            maxChannelsInUse = Math.max(maxChannelsInUse, channelsInUse());
        }

        private void handle(Event e) {
            switch (e.kind()) {
                case ANSWER -> {
                    ringing--;
                    answered++;
                    answerDelaySum += now - e.call().placedAt;
                    recent.addLast(new Outcome(e.call().placedAt, true));
                    Agent agent = longestIdle();
                    if (agent != null) {
                        connect(agent, e.call());
                    } else {
                        e.call().queued = true;
                        queue.addLast(e.call());
                        schedule(now + c.abandonAfterSeconds(), Kind.ABANDON, e.call(), null);
                    }
                }
                case NO_ANSWER -> {
                    ringing--;
                    recent.addLast(new Outcome(e.call().placedAt, false));
                }
                case ABANDON -> {
                    if (e.call().queued) {
                        queue.remove(e.call());
                        e.call().queued = false;
                            abandoned++;
                    }
                }
                case TALK_END -> endTalk(e.agent());
            }
        }

        private void connect(Agent agent, Call call) {
            call.queued = false;
            idleSeconds += now - agent.idleSince;
            agent.call = call;
            agent.talkStart = now;
            talking++;
            schedule(now + exponential(c.meanTalkSeconds()), Kind.TALK_END, call, agent);
        }

        private void endTalk(Agent agent) {
            long talk = (long) (now - agent.talkStart);
            CallStatus status = shortCalls.finalStatus(talk);
            if (status == CallStatus.SHORT_CALL) {
                shortCount++;
            } else {
                completed++;
            }
            stats = stats.afterCall(status, talk);
            agent.call = null;
            agent.idleSince = now;
            talking--;
            Call next = queue.pollFirst();
            if (next != null) {
                connect(agent, next);
            }
        }

        private Agent longestIdle() {
            Agent best = null;
            for (Agent a : agents) {
                if (a.call == null && (best == null || a.idleSince < best.idleSince)) {
                    best = a;
                }
            }
            return best;
        }

        private int channelsInUse() {
            return ringing + queue.size() + talking;
        }

        private void schedule(double at, Kind kind, Call call, Agent agent) {
            events.add(new Event(at, seq++, kind, call, agent));
        }

        private double exponential(double mean) {
            return -mean * Math.log(1 - random.nextDouble());
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }
    }
}
