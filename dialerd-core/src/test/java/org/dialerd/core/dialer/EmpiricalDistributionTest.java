package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmpiricalDistributionTest {
    private final EmpiricalDistribution talk = EmpiricalDistribution.of(List.of(10.0, 20.0, 30.0, 40.0));

    @Test
    void cdfIsTheShareOfSamplesAtOrBelow() {
        assertEquals(0, talk.cdf(5));
        assertEquals(0.5, talk.cdf(20));
        assertEquals(1, talk.cdf(40));
        assertEquals(25, talk.mean());
        assertEquals(30, talk.quantile(0.75));
    }

    @Test
    void conditionalCdfCountsOnlyTheSamplesLongerThanWhatHasLasted() {
        // Lasted 20 s: 30 and 40 remain; within 10 s more only 30 ends.
        assertEquals(0.5, talk.conditionalCdf(20, 10));
        assertEquals(1, talk.conditionalCdf(20, 25));
        assertEquals(0, talk.conditionalCdf(20, 0));
    }

    @Test
    void pastTheLongestSampleACallIsNotExpectedToEndSoon() {
        assertEquals(0, talk.conditionalCdf(45, 100));
        assertEquals(0, EmpiricalDistribution.EMPTY.conditionalCdf(0, 10));
    }
}
