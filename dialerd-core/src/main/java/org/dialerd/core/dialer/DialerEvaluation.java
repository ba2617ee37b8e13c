package org.dialerd.core.dialer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.dialerd.core.settings.DaemonSettings;

/**
 * The evaluation of docs/dialer.md: every algorithm on the same simulated traffic (same seeds),
 * per cell of agents × answer rate × mean talk time, abandon rate by the 2-second rule
 * (abandoned / answered) and agent occupancy. The grid's runs are independent and deterministic.
 */
public final class DialerEvaluation {
    public static final List<Integer> AGENTS = List.of(5, 20, 100);
    public static final List<Double> ANSWER_RATES = List.of(0.15, 0.3, 0.6, 0.9);
    public static final List<Double> TALK_SECONDS = List.of(60.0, 180.0);
    public static final double TARGET_PERCENT = CampaignOptions.DEFAULT_ABANDON_TARGET_PERCENT;

    /** One algorithm: a fresh strategy per run (the adaptive baseline keeps state), with its settings. */
    public record Algorithm(String name, DaemonSettings settings, Supplier<DialStrategy> strategy) {}

    public record Cell(int agents, double answerRate, double talkSeconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d agents, answer %.2f, talk %.0f s", agents, answerRate, talkSeconds);
        }
    }

    /** The totals of one algorithm in one cell over the seeds. */
    public record Result(Cell cell, String algorithm, int placed, int answered, int abandoned, double occupancy) {
        public double abandonRate() {
            return answered == 0 ? 0 : (double) abandoned / answered;
        }

        public boolean meetsTarget() {
            return abandonRate() * 100 <= TARGET_PERCENT;
        }
    }

    public static final String PREDICTIVE = "predictive";

    /** Progressive, the reference without and with overcommit, VICIdial-style adaptive, the new predictor. */
    public static List<Algorithm> algorithms() {
        DaemonSettings d = DaemonSettings.DEFAULTS;
        DaemonSettings overcommit = new DaemonSettings(d.asteriskHost(), d.asteriskUser(), d.asteriskPassword(),
                d.sessionDuration(), d.shortCallSeconds(), d.initialAnswerSeconds(), d.debug(), d.allEvents(), true,
                d.qos(), true, d.originateTimeoutSeconds(), d.extraCalls(), d.dialIntervalSeconds());
        DialStrategy reference = round -> Predictor.decide(round.snapshot());
        return List.of(
                new Algorithm("progressive", d, () -> ProgressiveDialing::decide),
                new Algorithm("reference", d, () -> reference),
                new Algorithm("reference+overcommit", overcommit, () -> reference),
                new Algorithm("adaptive (VICIdial-style)", d,
                        () -> new AdaptiveDialLevel(TARGET_PERCENT, AdaptiveDialLevel.DEFAULT_MAX_LEVEL)),
                new Algorithm(PREDICTIVE, d, () -> AbandonTargetPredictor::decide));
    }

    public static List<Cell> fullGrid() {
        List<Cell> cells = new ArrayList<>();
        for (double talk : TALK_SECONDS) {
            for (int agents : AGENTS) {
                for (double p : ANSWER_RATES) {
                    cells.add(new Cell(agents, p, talk));
                }
            }
        }
        return cells;
    }

    /** Runs one algorithm in one cell over the seeds; totals, so rates weigh every call alike. */
    public static Result run(Cell cell, Algorithm algorithm, List<Long> seeds) {
        int placed = 0;
        int answered = 0;
        int abandoned = 0;
        double occupancy = 0;
        CampaignOptions options = new CampaignOptions(DialMode.PREDICTIVE, TARGET_PERCENT,
                java.util.Optional.empty(), java.time.Duration.ZERO);
        for (long seed : seeds) {
            DialerSimulation.Config config = DialerSimulation.Config.grid(cell.agents(), cell.answerRate(),
                    cell.talkSeconds(), seed).withSettings(algorithm.settings());
            DialerSimulation.Report r = DialerSimulation.run(config, options, algorithm.strategy().get());
            placed += r.placed();
            answered += r.answered();
            abandoned += r.lateAbandoned();
            occupancy += r.occupancy();
        }
        return new Result(cell, algorithm.name(), placed, answered, abandoned, occupancy / seeds.size());
    }

    private DialerEvaluation() {
    }
}
