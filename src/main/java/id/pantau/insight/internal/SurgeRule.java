package id.pantau.insight.internal;

/**
 * The early-warning rule: a region's incidents of the last {@value #OBSERVED_DAYS} days against its
 * own baseline, the {@value #BASELINE_DAYS} days before them. Under the baseline the count of a
 * {@value #OBSERVED_DAYS}-day window is taken as Poisson with mean
 * λ = max(baseline ÷ {@value #BASELINE_DAYS} × {@value #OBSERVED_DAYS}, {@value #MIN_EXPECTED});
 * the region is flagged when at least {@value #MIN_OBSERVED} incidents were seen and
 * P(X ≥ observed | λ) &lt; {@value #ALPHA}. The floor on λ keeps a region with no history from
 * being flagged by one or two incidents, and the minimum count by a handful. Pure: no I/O.
 */
final class SurgeRule {

    static final int OBSERVED_DAYS = 7;
    static final int BASELINE_DAYS = 28;
    static final int MIN_OBSERVED = 3;
    static final double MIN_EXPECTED = 0.5;
    static final double ALPHA = 0.01;

    private SurgeRule() {
    }

    /** What the rule says about one region. */
    record Verdict(long observed, long baseline, double expected, double pValue, boolean surge) {
    }

    static Verdict judge(long observed, long baseline) {
        if (observed < 0 || baseline < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        double expected = Math.max((double) baseline / BASELINE_DAYS * OBSERVED_DAYS, MIN_EXPECTED);
        double p = poissonUpperTail(observed, expected);
        return new Verdict(observed, baseline, expected, p, observed >= MIN_OBSERVED && p < ALPHA);
    }

    /**
     * Judges a daily series that ends with the day judged: the last {@value #OBSERVED_DAYS} values
     * are observed, the {@value #BASELINE_DAYS} before them the baseline (missing days count 0).
     */
    static Verdict judge(long[] daily) {
        long observed = 0;
        long baseline = 0;
        for (int i = 0; i < daily.length; i++) {
            int fromEnd = daily.length - 1 - i;
            if (fromEnd < OBSERVED_DAYS) {
                observed += daily[i];
            } else if (fromEnd < OBSERVED_DAYS + BASELINE_DAYS) {
                baseline += daily[i];
            }
        }
        return judge(observed, baseline);
    }

    /** P(X ≥ k) for X ~ Poisson(λ), λ &gt; 0; computed from the side that avoids cancellation. */
    static double poissonUpperTail(long k, double lambda) {
        if (k <= 0) {
            return 1.0;
        }
        if (k <= lambda) {
            // the tail is large: one minus the (short) lower sum is accurate
            double term = Math.exp(-lambda);
            double lower = 0;
            for (long i = 0; i < k; i++) {
                lower += term;
                term *= lambda / (i + 1);
            }
            return Math.min(1.0, Math.max(0.0, 1.0 - lower));
        }
        // the tail is small: sum its terms upwards from k in log space, they only shrink
        double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
        double term = Math.exp(logTerm);
        double sum = 0;
        for (long i = k; term > 0 && term >= sum * 1e-17; i++) {
            sum += term;
            term *= lambda / (i + 1);
        }
        return Math.min(1.0, sum);
    }

    private static double logFactorial(long n) {
        if (n < 1_000) {
            double sum = 0;
            for (long i = 2; i <= n; i++) {
                sum += Math.log(i);
            }
            return sum;
        }
        // Stirling's series, exact to double precision for n this large
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
