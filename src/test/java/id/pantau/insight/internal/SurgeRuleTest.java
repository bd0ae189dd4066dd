package id.pantau.insight.internal;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/** The early-warning rule on constructed daily series: 28 days of baseline, then 7 observed days. */
class SurgeRuleTest {

    @Test
    void aFlatSeriesRaisesNoAlert() {
        // one incident a day for five weeks: seven expected, seven seen
        var verdict = SurgeRule.judge(series(1, 1));

        assertThat(verdict.observed()).isEqualTo(7);
        assertThat(verdict.baseline()).isEqualTo(28);
        assertThat(verdict.expected()).isEqualTo(7.0);
        assertThat(verdict.pValue()).isCloseTo(0.5503, within(1e-4));
        assertThat(verdict.surge()).isFalse();
    }

    @Test
    void aSurgeAboveTheBaselineRaisesAnAlert() {
        // one a day, then twenty in the last week (about three a day)
        long[] daily = series(1, 0);
        Arrays.fill(daily, 28, 34, 3);
        daily[34] = 2;

        var verdict = SurgeRule.judge(daily);

        assertThat(verdict.observed()).isEqualTo(20);
        assertThat(verdict.pValue()).isCloseTo(4.440e-5, withPercentage(0.1));
        assertThat(verdict.surge()).isTrue();
    }

    @Test
    void aRegionWithNoHistoryNeedsFourIncidentsBecauseTheExpectationHasAFloor() {
        // λ = 0.5: three incidents are not yet unusual enough (p ≈ 0.0144), four are (p ≈ 0.0018)
        assertThat(SurgeRule.judge(0, 0).expected()).isEqualTo(0.5);
        assertThat(SurgeRule.judge(2, 0).surge()).isFalse();
        assertThat(SurgeRule.judge(3, 0).pValue()).isCloseTo(0.014388, within(1e-6));
        assertThat(SurgeRule.judge(3, 0).surge()).isFalse();
        assertThat(SurgeRule.judge(4, 0).pValue()).isCloseTo(0.0017516, within(1e-7));
        assertThat(SurgeRule.judge(4, 0).surge()).isTrue();
        assertThat(SurgeRule.judge(new long[0]).surge()).as("an empty series").isFalse();
    }

    @Test
    void theThresholdLiesBetweenFourteenAndFifteenAgainstSevenExpected() {
        assertThat(SurgeRule.judge(14, 28).pValue()).isCloseTo(0.012811, within(1e-6));
        assertThat(SurgeRule.judge(14, 28).surge()).isFalse();
        assertThat(SurgeRule.judge(15, 28).pValue()).isCloseTo(0.0057172, within(1e-7));
        assertThat(SurgeRule.judge(15, 28).surge()).isTrue();
    }

    @Test
    void fewerIncidentsThanExpectedAreNeverASurgeAndOlderDaysAreIgnored() {
        assertThat(SurgeRule.judge(0, 280).pValue()).isEqualTo(1.0);
        assertThat(SurgeRule.judge(1, 28).pValue()).isCloseTo(0.999088, within(1e-6));
        // a spike 36 days ago lies outside both windows
        long[] daily = new long[36];
        daily[0] = 500;
        assertThat(SurgeRule.judge(daily).baseline()).isZero();
        assertThat(SurgeRule.judge(daily).surge()).isFalse();
        assertThatThrownBy(() -> SurgeRule.judge(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTailIsAccurateForLargeCounts() {
        assertThat(SurgeRule.poissonUpperTail(1100, 1000.0)).isCloseTo(9.6263e-4, withPercentage(0.01));
        assertThat(SurgeRule.poissonUpperTail(5000, 1000.0)).isGreaterThanOrEqualTo(0.0).isLessThan(1e-300);
    }

    /** 28 baseline days at {@code baseline} a day, then 7 observed days at {@code observed} a day. */
    private static long[] series(long baseline, long observed) {
        long[] daily = new long[35];
        Arrays.fill(daily, 0, 28, baseline);
        Arrays.fill(daily, 28, 35, observed);
        return daily;
    }
}
