package org.dialerd.core.dialer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The full evaluation grid of docs/dialer.md, as a Markdown table: for every cell (agents ×
 * answer rate × mean talk time) and every algorithm, the abandon rate by the 2-second rule and
 * the agents' occupancy, over the same seeds.
 *
 * <p>Arguments: the seeds (default 1 2 3); {@code --cells 100:0.15:60,20:0.9:60} runs only those
 * cells (agents:answer rate:mean talk seconds), {@code --algorithms predictive,progressive} only
 * those algorithms (names as in the table's header), to iterate on a few cells.
 */
public final class DialerGrid {
    private DialerGrid() {
    }

    public static void main(String[] args) {
        List<Long> seeds = new ArrayList<>();
        List<DialerEvaluation.Cell> cells = DialerEvaluation.fullGrid();
        List<DialerEvaluation.Algorithm> algorithms = DialerEvaluation.algorithms();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cells" -> cells = cells(value(args, ++i));
                case "--algorithms" -> algorithms = algorithms(value(args, ++i));
                default -> seeds.add(Long.parseLong(args[i]));
            }
        }
        if (seeds.isEmpty()) {
            seeds = List.of(1L, 2L, 3L);
        }
        boolean verdict = algorithms.stream().anyMatch(a -> a.name().equals(DialerEvaluation.PREDICTIVE))
                && algorithms.size() > 1;
        StringBuilder header = new StringBuilder("| agents | answer | talk |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (DialerEvaluation.Algorithm a : algorithms) {
            header.append(' ').append(a.name()).append(" |");
            rule.append("---|");
        }
        if (verdict) {
            header.append(" predictive against the best baseline ≤ 3 % |");
            rule.append("---|");
        }
        System.out.println("abandon % (2-second rule) / occupancy %, seeds " + seeds);
        System.out.println();
        System.out.println(header);
        System.out.println(rule);
        for (DialerEvaluation.Cell cell : cells) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %.2f | %.0f s |", cell.agents(),
                    cell.answerRate(), cell.talkSeconds()));
            List<DialerEvaluation.Result> results = new ArrayList<>();
            for (DialerEvaluation.Algorithm a : algorithms) {
                DialerEvaluation.Result r = DialerEvaluation.run(cell, a, seeds);
                results.add(r);
                row.append(String.format(Locale.ROOT, " %.1f / %.1f%s |", r.abandonRate() * 100, r.occupancy() * 100,
                        r.meetsTarget() ? "" : " ✗"));
            }
            if (verdict) {
                row.append(' ').append(verdict(results)).append(" |");
            }
            System.out.println(row);
        }
    }

    /**
     * The target in one cell: the predictor under 3 %, and its occupancy at least that of
     * the best baseline also under 3 % (the difference in points).
     */
    static String verdict(List<DialerEvaluation.Result> results) {
        DialerEvaluation.Result mine = results.stream().filter(r -> r.algorithm().equals(DialerEvaluation.PREDICTIVE))
                .findFirst().orElseThrow();
        DialerEvaluation.Result best = results.stream()
                .filter(r -> !r.algorithm().equals(DialerEvaluation.PREDICTIVE) && r.meetsTarget())
                .max((a, b) -> Double.compare(a.occupancy(), b.occupancy())).orElse(null);
        if (!mine.meetsTarget()) {
            return "**not met**: over 3 %";
        }
        if (best == null) {
            return "met: no baseline under 3 %";
        }
        double points = (mine.occupancy() - best.occupancy()) * 100;
        String against = String.format(Locale.ROOT, "%s (%.1f)", best.algorithm(), best.occupancy() * 100);
        if (mine.occupancy() > best.occupancy()) {
            return String.format(Locale.ROOT, "met, +%.1f over %s", points, against);
        }
        if (mine.occupancy() == best.occupancy()) {
            return "met, equal to " + against;
        }
        return String.format(Locale.ROOT, "**not met**: %.1f against %s", points, against);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** "agents:answer:talk" cells, comma-separated. */
    static List<DialerEvaluation.Cell> cells(String spec) {
        List<DialerEvaluation.Cell> cells = new ArrayList<>();
        for (String item : spec.split(",")) {
            String[] f = item.split(":");
            if (f.length != 3) {
                throw new IllegalArgumentException(
                        "cell '" + item + "': expected agents:answer:talk, e.g. 100:0.15:60");
            }
            cells.add(new DialerEvaluation.Cell(Integer.parseInt(f[0].trim()), Double.parseDouble(f[1].trim()),
                    Double.parseDouble(f[2].trim())));
        }
        return cells;
    }

    /** Algorithms by name, comma-separated, in the given order. */
    static List<DialerEvaluation.Algorithm> algorithms(String spec) {
        List<DialerEvaluation.Algorithm> chosen = new ArrayList<>();
        for (String name : spec.split(",")) {
            chosen.add(DialerEvaluation.algorithms().stream().filter(a -> a.name().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no algorithm '" + name.trim() + "'; known: "
                            + DialerEvaluation.algorithms().stream().map(DialerEvaluation.Algorithm::name).toList())));
        }
        return chosen;
    }
}
