package org.dialerd.sim.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a recorded stream with the simulator's. Every recorded packet must be matched by an
 * identical (normalised) simulator packet seen within {@link #toleranceMillis} of the recorded
 * time, and nothing may be left over. Order is therefore checked at that granularity only:
 * inside one burst Asterisk's order depends on thread scheduling (the same trace shows two
 * interleavings for two identical calls), which a deterministic simulator cannot reproduce.
 */
public final class StreamComparator {

    private final long toleranceMillis;

    public StreamComparator(long toleranceMillis) {
        this.toleranceMillis = toleranceMillis;
    }

    public Result compare(List<Packet> expected, List<Packet> actual) {
        boolean[] used = new boolean[actual.size()];
        List<Packet> missing = new ArrayList<>();
        for (Packet e : expected) {
            int found = -1;
            for (int i = 0; i < actual.size(); i++) {
                Packet a = actual.get(i);
                if (!used[i] && Math.abs(a.timeMillis() - e.timeMillis()) <= toleranceMillis
                        && a.fields().equals(e.fields())) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                missing.add(e);
            } else {
                used[found] = true;
            }
        }
        List<Packet> unexpected = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            if (!used[i]) {
                unexpected.add(actual.get(i));
            }
        }
        return new Result(missing, unexpected);
    }

    public record Result(List<Packet> missing, List<Packet> unexpected) {
        public boolean matches() {
            return missing.isEmpty() && unexpected.isEmpty();
        }

        public String report(int max) {
            StringBuilder sb = new StringBuilder();
            sb.append(missing.size()).append(" recorded packets not produced, ")
                    .append(unexpected.size()).append(" produced packets not recorded\n");
            missing.stream().limit(max).forEach(p -> sb.append("  MISSING    ").append(p).append('\n')
                    .append(closest(p)));
            unexpected.stream().limit(max).forEach(p -> sb.append("  UNEXPECTED ").append(p).append('\n'));
            return sb.toString();
        }

        /** The nearest produced packet of the same kind, as a field-by-field difference. */
        private String closest(Packet want) {
            Packet best = null;
            int bestDiff = Integer.MAX_VALUE;
            for (Packet p : unexpected) {
                if (!p.kind().equals(want.kind())) {
                    continue;
                }
                int d = diff(want, p).size() * 1000 + (int) Math.min(999, Math.abs(p.timeMillis() - want.timeMillis()) / 10);
                if (d < bestDiff) {
                    bestDiff = d;
                    best = p;
                }
            }
            if (best == null) {
                return "";
            }
            return String.format("      closest at +%.3f differs in %s%n", best.timeMillis() / 1000.0, diff(want, best));
        }

        private static List<String> diff(Packet a, Packet b) {
            List<String> out = new ArrayList<>();
            int n = Math.max(a.fields().size(), b.fields().size());
            for (int i = 0; i < n; i++) {
                String x = i < a.fields().size() ? a.fields().get(i).toString() : "-";
                String y = i < b.fields().size() ? b.fields().get(i).toString() : "-";
                if (!x.equals(y)) {
                    out.add(x + " vs " + y);
                }
            }
            return out;
        }
    }
}
