package org.dialerd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OriginateBurstsTest {
    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void originatesCloserThanTheGapAreOneRound() {
        OriginateLoad.Bursts bursts = OriginateLoad.Bursts.of(List.of(ms(0), ms(5), ms(150), ms(1150), ms(1160),
                ms(2400)));
        assertEquals(3, bursts.count(), "0–150 ms, 1150–1160 ms, 2400 ms");
        assertEquals(2.0, bursts.mean());
        assertEquals(3, bursts.largest());
    }

    @Test
    void noOriginateNoRound() {
        assertEquals(new OriginateLoad.Bursts(0, 0, 0), OriginateLoad.Bursts.of(List.of()));
    }
}
