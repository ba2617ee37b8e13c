package org.dialerd.eccp.handler.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.dialerd.core.store.CampaignStore.QueueWait;
import org.dialerd.core.store.CampaignStore.WaitCount;
import org.junit.jupiter.api.Test;

class QueueWaitHistogramTest {
    @Test
    void putsWaitsInFiveSecondIntervalsAndThirtyOrMoreInTheLast() {
        assertEquals(0, QueueWaitHistogram.interval(0));
        assertEquals(0, QueueWaitHistogram.interval(4));
        assertEquals(1, QueueWaitHistogram.interval(5));
        assertEquals(5, QueueWaitHistogram.interval(29));
        assertEquals(6, QueueWaitHistogram.interval(30));
        assertEquals(6, QueueWaitHistogram.interval(3600));
    }

    @Test
    void countsNullAndNegativeWaitsInTheFirstInterval() {
        assertEquals(0, QueueWaitHistogram.interval(-1));
        assertEquals(0, QueueWaitHistogram.interval(-12));
        QueueWait wait = new QueueWait(List.of(new WaitCount(OptionalLong.empty(), 2),
                new WaitCount(OptionalLong.of(-7), 1), new WaitCount(OptionalLong.of(12), 4)), 0);
        assertArrayEquals(new long[] {3, 0, 4, 0, 0, 0, 0}, QueueWaitHistogram.counts(wait));
    }
}
