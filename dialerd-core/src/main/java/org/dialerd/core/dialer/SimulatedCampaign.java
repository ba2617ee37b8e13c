package org.dialerd.core.dialer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;

/** The discrete-event model behind {@link DialerSimulation}: one run, then thrown away. */
final class SimulatedCampaign {
    private static final double RECENT_WINDOW_SECONDS = 30 * 60;

    private enum Kind { ANSWER, NO_ANSWER, ABANDON, TALK_END, WRAP_END }

    private record Event(double at, long seq, Kind kind, Call call, Agent agent) {}

    private static final class Call {
        final double placedAt;
        double answeredAt;
        boolean queued;

        Call(double placedAt) {
            this.placedAt = placedAt;
        }
    }

    private static final class Agent {
        final String name;
        Call call;
        boolean wrapping;
        double talkStart;
        double idleSince;

        Agent(String name) {
            this.name = name;
        }

        boolean free() {
            return call == null && !wrapping;
        }
    }

    /** One placed call whose outcome is known, for the 30-minute answer rate. */
    private record Outcome(double placedAt, boolean answered) {}

    private final DialerSimulation.Config c;
    private final CampaignOptions options;
    private final ToIntFunction<DialRound> policy;
    private final Random random;
    private final ShortCallRule shortCalls;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.at() != b.at() ? Double.compare(a.at(), b.at()) : Long.compare(a.seq(), b.seq()));
    private final List<Agent> agents = new ArrayList<>();
    private final Deque<Call> queue = new ArrayDeque<>();
    private final Deque<Outcome> recent = new ArrayDeque<>();
    /** Of {@link #recent}, the answered ones (counted as they come and go, not every round). */
    private int recentAnswered;
    private final Set<Call> ringing = new LinkedHashSet<>();
    private final CampaignMeasurements measurements = new CampaignMeasurements();
    private long seq;
    private double now;
    private int talking;
    private RunningStats stats = RunningStats.EMPTY;
    private double answerDelaySum;
    private double idleSeconds;
    private int placed, answered, abandoned, late, completed, shortCount, maxChannelsInUse;
    private int maxOverFree = Integer.MIN_VALUE;
    private int maxInFlightOverFree = Integer.MIN_VALUE;

    SimulatedCampaign(DialerSimulation.Config c, CampaignOptions options, ToIntFunction<DialRound> policy) {
        this.c = c;
        this.options = new CampaignOptions(options.mode(), options.abandonTargetPercent(), options.safeHarbour(),
                Duration.ofMillis(Math.round(c.wrapupSeconds() * 1000)));
        this.policy = policy;
        this.random = new Random(c.seed());
        this.shortCalls = ShortCallRule.of(c.settings());
        for (int i = 0; i < c.agents(); i++) {
            agents.add(new Agent("Agent/" + (9000 + i)));
        }
    }

    DialerSimulation.Report run() {
        double end = c.length().toMillis() / 1000.0;
        double tick = c.tick().toMillis() / 1000.0;
        for (double t = 0; t < end; t += tick) {
            advanceTo(t);
            decide();
        }
        advanceTo(end);
        for (Agent a : agents) {
            if (a.free()) {
                idleSeconds += end - a.idleSince;
            }
        }
        return new DialerSimulation.Report(placed, answered, abandoned, completed, shortCount, ratio(answered, placed),
                ratio(abandoned, answered), late, idleSeconds / (c.agents() * end), maxChannelsInUse,
                maxOverFree == Integer.MIN_VALUE ? 0 : maxOverFree,
                maxInFlightOverFree == Integer.MIN_VALUE ? 0 : maxInFlightOverFree);
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
            recentAnswered -= recent.pollFirst().answered() ? 1 : 0;
        }
        List<QueueMember> members = new ArrayList<>();
        int free = 0;
        for (Agent a : agents) {
            if (a.free()) {
                free++;
                members.add(QueueMember.idle(a.name));
            } else if (a.wrapping) {
                members.add(new QueueMember(a.name, MemberState.NOT_INUSE, true, 0)); // held out of the queue
            } else {
                members.add(QueueMember.talking(a.name, (long) (now - a.talkStart)));
            }
        }
        double meanAnswer = answered == 0 ? c.settings().initialAnswerSeconds() : answerDelaySum / answered;
        DialerSnapshot snapshot = new DialerSnapshot(members, queue.size(), ringing.size(), 0, channelsInUse(),
                c.maxChannels(), stats, meanAnswer, recent.size(), recentAnswered, c.settings());
        List<Double> ages = new ArrayList<>(ringing.size());
        for (Call call : ringing) {
            ages.add(now - call.placedAt);
        }
        int n = Math.max(0, policy.applyAsInt(new DialRound(snapshot, ages, measurements.snapshot(now), options)));
        maxOverFree = Math.max(maxOverFree, n - free);
        maxInFlightOverFree = Math.max(maxInFlightOverFree, ringing.size() + queue.size() + n - free);
        for (int i = 0; i < n; i++) {
            place();
        }
    }

    private void place() {
        Call call = new Call(now);
        placed++;
        ringing.add(call);
        if (random.nextDouble() < c.answerProbability()) {
            schedule(now + draw(c.meanAnswerDelaySeconds(), c.answerDelaySigma()), Kind.ANSWER, call, null);
        } else {
            schedule(now + c.noAnswerTimeoutSeconds(), Kind.NO_ANSWER, call, null);
        }
        maxChannelsInUse = Math.max(maxChannelsInUse, channelsInUse());
    }

    private void handle(Event e) {
        switch (e.kind()) {
            case ANSWER -> {
                ringing.remove(e.call());
                answered++;
                e.call().answeredAt = now;
                answerDelaySum += now - e.call().placedAt;
                measurements.answered(e.call().placedAt, now - e.call().placedAt);
                recent.addLast(new Outcome(e.call().placedAt, true));
                recentAnswered++;
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
                ringing.remove(e.call());
                measurements.failed(e.call().placedAt, now - e.call().placedAt);
                recent.addLast(new Outcome(e.call().placedAt, false));
            }
            case ABANDON -> {
                if (e.call().queued) {
                    queue.remove(e.call());
                    e.call().queued = false;
                    abandoned++;
                    late++;
                    measurements.agentNeverReached();
                }
            }
            case TALK_END -> endTalk(e.agent());
            case WRAP_END -> {
                measurements.wrappedUp(c.wrapupSeconds());
                e.agent().wrapping = false;
                becameFree(e.agent());
            }
        }
    }

    private void connect(Agent agent, Call call) {
        call.queued = false;
        double wait = now - call.answeredAt;
        measurements.agentReached(wait);
        if (wait > CampaignMeasurements.ABANDON_SECONDS) {
            late++;
        }
        idleSeconds += now - agent.idleSince;
        agent.call = call;
        agent.talkStart = now;
        talking++;
        schedule(now + draw(c.meanTalkSeconds(), c.talkSigma()), Kind.TALK_END, call, agent);
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
        measurements.talked(now - agent.talkStart);
        agent.call = null;
        talking--;
        if (c.wrapupSeconds() > 0) {
            agent.wrapping = true;
            schedule(now + c.wrapupSeconds(), Kind.WRAP_END, null, agent);
            return;
        }
        becameFree(agent);
    }

    private void becameFree(Agent agent) {
        agent.idleSince = now;
        Call next = queue.pollFirst();
        if (next != null) {
            connect(agent, next);
        }
    }

    private Agent longestIdle() {
        Agent best = null;
        for (Agent a : agents) {
            if (a.free() && (best == null || a.idleSince < best.idleSince)) {
                best = a;
            }
        }
        return best;
    }

    private int channelsInUse() {
        return ringing.size() + queue.size() + talking;
    }

    private void schedule(double at, Kind kind, Call call, Agent agent) {
        events.add(new Event(at, seq++, kind, call, agent));
    }

    /** Exponential with this mean when sigma is 0, else log-normal with this mean and sigma. */
    private double draw(double mean, double sigma) {
        if (sigma <= 0) {
            return -mean * Math.log(1 - random.nextDouble());
        }
        double mu = Math.log(mean) - sigma * sigma / 2;
        return Math.exp(mu + sigma * random.nextGaussian());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
