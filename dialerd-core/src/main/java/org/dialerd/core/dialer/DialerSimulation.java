package org.dialerd.core.dialer;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.dialerd.core.settings.DaemonSettings;

/**
 * An offline, deterministic model of one outgoing campaign, to judge a dialing policy (the
 * reference {@link Predictor}, a {@link DialStrategy} of any mode, or a baseline) without
 * Asterisk: same config and seed, same report.
 *
 * <p>Model ({@link SimulatedCampaign}): N agents serve one queue. Every {@code tick} of virtual
 * time the policy sees a {@link DialRound} and says how many calls to place. Each call is
 * answered with probability p after a random delay, otherwise it fails after the no-answer
 * timeout. An answered call goes to the longest-idle agent, or waits in the queue (FIFO); a
 * call still waiting after {@code abandonAfterSeconds} hangs up (abandoned). Talk and answer
 * delays are exponential, or log-normal when their sigma is above 0; after each call the agent
 * is in wrap-up (held out of the queue) for {@code wrapupSeconds}. The model feeds a
 * {@link CampaignMeasurements} from its events as the engine does. Random draws happen in
 * event order from one seeded {@link java.util.Random}, so runs repeat exactly.
 */
public final class DialerSimulation {
    /** Mean seconds to answer of the evaluation grid. */
    public static final double GRID_ANSWER_SECONDS = 8;
    /** Log-normal sigma of the grid's answer delays and talk times. */
    public static final double GRID_ANSWER_SIGMA = 0.5;
    public static final double GRID_TALK_SIGMA = 0.8;

    /**
     * @param answerProbability       chance an originated call is answered
     * @param meanAnswerDelaySeconds  mean originate-to-answer delay
     * @param answerDelaySigma        0: exponential delays; above: log-normal with this sigma
     * @param noAnswerTimeoutSeconds  when an unanswered call gives up
     * @param meanTalkSeconds         mean talk time
     * @param talkSigma               0: exponential talk times; above: log-normal with this sigma
     * @param wrapupSeconds           after-call work after each call
     * @param abandonAfterSeconds     how long an answered call waits for an agent before hanging up
     *                                (2: the safe-harbour message takes it at the regulatory limit)
     */
    public record Config(int agents, double answerProbability, double meanAnswerDelaySeconds, double answerDelaySigma,
                         int noAnswerTimeoutSeconds, double meanTalkSeconds, double talkSigma, double wrapupSeconds,
                         int abandonAfterSeconds, long maxChannels, DaemonSettings settings, Duration length,
                         Duration tick, long seed) {
        public Config {
            Objects.requireNonNull(settings, "settings");
            if (agents < 1 || answerProbability < 0 || answerProbability > 1 || meanAnswerDelaySeconds < 0
                    || answerDelaySigma < 0 || noAnswerTimeoutSeconds < 1 || meanTalkSeconds <= 0 || talkSigma < 0
                    || wrapupSeconds < 0 || abandonAfterSeconds < 0 || maxChannels < 0 || length.isNegative()
                    || tick.isZero() || tick.isNegative()) {
                throw new IllegalArgumentException("invalid simulation config: " + this);
            }
        }

        /** A virtual hour, a decision every 3 s, exponential times, the reference settings. */
        public static Config typical(int agents, double answerProbability, long seed) {
            return new Config(agents, answerProbability, 8, 0, 30, 120, 0, 0, 10, 0, DaemonSettings.DEFAULTS,
                    Duration.ofHours(1), Duration.ofSeconds(3), seed);
        }

        /**
         * A cell of the evaluation grid: log-normal answer delays (mean 8 s) and talk times, no
         * answer after 30 s, the safe-harbour message at 2 s, a virtual hour, the reference settings.
         */
        public static Config grid(int agents, double answerProbability, double meanTalkSeconds, long seed) {
            return new Config(agents, answerProbability, GRID_ANSWER_SECONDS, GRID_ANSWER_SIGMA, 30,
                    meanTalkSeconds, GRID_TALK_SIGMA, 0, 2, 0, DaemonSettings.DEFAULTS, Duration.ofHours(1),
                    Duration.ofSeconds(3), seed);
        }

        public Config withSettings(DaemonSettings other) {
            return new Config(agents, answerProbability, meanAnswerDelaySeconds, answerDelaySigma,
                    noAnswerTimeoutSeconds, meanTalkSeconds, talkSigma, wrapupSeconds, abandonAfterSeconds,
                    maxChannels, other, length, tick, seed);
        }

        public Config withMaxChannels(long max) {
            return new Config(agents, answerProbability, meanAnswerDelaySeconds, answerDelaySigma,
                    noAnswerTimeoutSeconds, meanTalkSeconds, talkSigma, wrapupSeconds, abandonAfterSeconds, max,
                    settings, length, tick, seed);
        }

        public Config withWrapup(double seconds) {
            return new Config(agents, answerProbability, meanAnswerDelaySeconds, answerDelaySigma,
                    noAnswerTimeoutSeconds, meanTalkSeconds, talkSigma, seconds, abandonAfterSeconds, maxChannels,
                    settings, length, tick, seed);
        }

        public Config withLength(Duration other) {
            return new Config(agents, answerProbability, meanAnswerDelaySeconds, answerDelaySigma,
                    noAnswerTimeoutSeconds, meanTalkSeconds, talkSigma, wrapupSeconds, abandonAfterSeconds,
                    maxChannels, settings, other, tick, seed);
        }
    }

    /**
     * @param abandoned          answered calls that hung up waiting (abandonAfterSeconds)
     * @param abandonRate        abandoned / answered
     * @param lateAbandoned      answered calls no agent took within 2 s (the regulatory rule), hung up or not
     * @param answerRate         answered / placed
     * @param agentIdleFraction  idle agent time / (agents x length); wrap-up is not idle
     * @param maxChannelsInUse   most calls holding a channel at once (originating, queued, talking)
     * @param maxOverFreeAgents  largest (calls placed - free agents) over all decisions
     * @param maxInFlightOverFree largest (ringing + waiting + placed - free agents) over all decisions
     */
    public record Report(int placed, int answered, int abandoned, int completed, int shortCalls,
                         double answerRate, double abandonRate, int lateAbandoned, double agentIdleFraction,
                         int maxChannelsInUse, int maxOverFreeAgents, int maxInFlightOverFree) {
        /** Abandoned by the 2-second rule / answered. */
        public double twoSecondAbandonRate() {
            return answered == 0 ? 0 : (double) lateAbandoned / answered;
        }

        /** Share of agent time on calls or in wrap-up. */
        public double occupancy() {
            return 1 - agentIdleFraction;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "placed=%d answered=%d (%.1f%%) abandoned=%d (%.1f%%, 2 s rule %.1f%%) completed=%d short=%d "
                            + "idle=%.1f%% maxChannels=%d maxOverFree=%d", placed, answered, answerRate * 100,
                    abandoned, abandonRate * 100, twoSecondAbandonRate() * 100, completed, shortCalls,
                    agentIdleFraction * 100, maxChannelsInUse, maxOverFreeAgents);
        }
    }

    /** Runs the reference predictor. */
    public static Report run(Config config) {
        return run(config, s -> Predictor.decide(s).callsToPlace());
    }

    /** Runs any policy on the reference's inputs: snapshot in, number of calls to place out. */
    public static Report run(Config config, ToIntFunction<DialerSnapshot> policy) {
        return new SimulatedCampaign(config, CampaignOptions.DEFAULTS, round -> policy.applyAsInt(round.snapshot()))
                .run();
    }

    /** Runs a strategy with the campaign's options (its wrap-up is the config's). */
    public static Report run(Config config, CampaignOptions options, DialStrategy strategy) {
        return new SimulatedCampaign(config, options, round -> strategy.decide(round).callsToPlace()).run();
    }

    private DialerSimulation() {
    }
}
