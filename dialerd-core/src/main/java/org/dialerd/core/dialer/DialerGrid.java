package org.dialerd.core.dialer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The full evaluation grid of docs/dialer.md, as a Markdown table: for every cell (agents ×
 * answer rate × mean talk time) and every algorithm, the abandon rate by the 2-second rule and
 * the agents' occupancy, over the same seeds. Arguments: the seeds (default 1 2 3).
 */
public final class DialerGrid {
    private DialerGrid() {
    }

    public static void main(String[] args) {
        List<Long> seeds = new ArrayList<>();
        for (String arg : args) {
            seeds.add(Long.parseLong(arg));
        }
        if (seeds.isEmpty()) {
            seeds = List.of(1L, 2L, 3L);
        }
        List<DialerEvaluation.Algorithm> algorithms = DialerEvaluation.algorithms();
        StringBuilder header = new StringBuilder("| agents | answer | talk |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (DialerEvaluation.Algorithm a : algorithms) {
            header.append(' ').append(a.name()).append(" |");
            rule.append("---|");
        }
        System.out.println("abandon % (2-second rule) / occupancy %, seeds " + seeds);
        System.out.println();
        System.out.println(header);
        System.out.println(rule);
        for (DialerEvaluation.Cell cell : DialerEvaluation.fullGrid()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %.2f | %.0f s |", cell.agents(),
                    cell.answerRate(), cell.talkSeconds()));
            for (DialerEvaluation.Algorithm a : algorithms) {
                DialerEvaluation.Result r = DialerEvaluation.run(cell, a, seeds);
                row.append(String.format(Locale.ROOT, " %.1f / %.1f%s |", r.abandonRate() * 100, r.occupancy() * 100,
                        r.meetsTarget() ? "" : " ✗"));
            }
            System.out.println(row);
        }
    }
}
