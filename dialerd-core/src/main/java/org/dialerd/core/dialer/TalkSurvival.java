package org.dialerd.core.dialer;

import java.util.Arrays;

/**
 * How long calls with an agent last, estimated from the finished calls' talk times and the calls
 * still going on (Kaplan–Meier): a call in progress is a talk time known to be at least its
 * elapsed time. The finished calls alone are biased short while a campaign starts (the first
 * calls to end are the short ones) and promise agents sooner than they come; counting the calls
 * in progress as censored samples removes that bias, and in a steady state changes little.
 * Past the longest finished call it says nothing: a call that long is taken as not ending soon.
 * Immutable.
 */
final class TalkSurvival {
    /** Distinct finished talk times, ascending. */
    private final double[] times;
    /** S(times[i]): the share of calls lasting longer than times[i]. */
    private final double[] survival;

    private TalkSurvival(double[] times, double[] survival) {
        this.times = times;
        this.survival = survival;
    }

    /**
     * @param finished   talk times of finished calls
     * @param inProgress seconds the calls still going on have lasted
     */
    static TalkSurvival of(EmpiricalDistribution finished, double[] inProgress) {
        double[] censored = inProgress.clone();
        Arrays.sort(censored);
        int n = finished.size();
        double[] times = new double[n];
        double[] survival = new double[n];
        int distinct = 0;
        double s = 1;
        int i = 0;
        int c = 0;
        int atRisk = n + censored.length;
        while (i < n) {
            double t = finished.sample(i);
            while (c < censored.length && censored[c] < t) { // censored before t: no longer at risk at t
                c++;
                atRisk--;
            }
            int deaths = 0;
            while (i < n && finished.sample(i) == t) {
                deaths++;
                i++;
            }
            s *= 1 - (double) deaths / atRisk;
            atRisk -= deaths;
            times[distinct] = t;
            survival[distinct] = s;
            distinct++;
        }
        return new TalkSurvival(Arrays.copyOf(times, distinct), Arrays.copyOf(survival, distinct));
    }

    /** S(x) = P(talk > x). */
    double survival(double x) {
        int low = 0;
        int high = times.length;
        while (low < high) { // first index whose time is above x
            int mid = (low + high) >>> 1;
            if (times[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low == 0 ? 1 : survival[low - 1];
    }

    /** P(talk ≤ elapsed + t | talk > elapsed); 0 past the longest finished call or for t ≤ 0. */
    double conditionalCdf(double elapsed, double t) {
        return conditionalCdf(elapsed, survival(elapsed), t);
    }

    /** The same, with {@code alive} = S(elapsed) already looked up (the forecast asks for many t). */
    double conditionalCdf(double elapsed, double alive, double t) {
        if (t <= 0 || times.length == 0 || elapsed >= times[times.length - 1]) {
            return 0;
        }
        if (alive <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, 1 - survival(elapsed + t) / alive));
    }
}
