package org.dialerd.core.dialer;

import java.util.Arrays;
import java.util.Collection;

/**
 * The distribution of measured durations as they came, with no assumed shape: the predictor
 * asks it "how likely is it over by t" instead of assuming an exponential. Immutable.
 */
public final class EmpiricalDistribution {
    public static final EmpiricalDistribution EMPTY = new EmpiricalDistribution(new double[0]);

    private final double[] sorted;
    private final double mean;

    private EmpiricalDistribution(double[] sorted) {
        this.sorted = sorted;
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        this.mean = sorted.length == 0 ? 0 : sum / sorted.length;
    }

    public static EmpiricalDistribution of(Collection<Double> samples) {
        double[] values = new double[samples.size()];
        int i = 0;
        for (Double v : samples) {
            values[i++] = v;
        }
        Arrays.sort(values);
        return new EmpiricalDistribution(values);
    }

    /** From values already sorted ascending, which it keeps (the caller hands them over). */
    static EmpiricalDistribution ofSorted(double[] sorted) {
        return new EmpiricalDistribution(sorted);
    }

    public int size() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    public double mean() {
        return mean;
    }

    /** The i-th smallest sample (0-based). */
    double sample(int i) {
        return sorted[i];
    }

    /** The share of samples at or below x; 0 when empty. */
    public double cdf(double x) {
        if (sorted.length == 0) {
            return 0;
        }
        int low = 0;
        int high = sorted.length;
        while (low < high) { // first index whose value is above x
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return (double) low / sorted.length;
    }

    /** The q-quantile (0..1) of the samples; 0 when empty. */
    public double quantile(double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * P(X ≤ elapsed + t | X > elapsed): the chance that something which has lasted {@code elapsed}
     * is over within t more. Past the longest sample the measurements say nothing; then it is
     * taken as not ending soon (0), the cautious answer for a predictor.
     */
    public double conditionalCdf(double elapsed, double t) {
        if (t <= 0 || sorted.length == 0) {
            return 0;
        }
        double alive = 1 - cdf(elapsed);
        if (alive <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, (cdf(elapsed + t) - cdf(elapsed)) / alive));
    }
}
