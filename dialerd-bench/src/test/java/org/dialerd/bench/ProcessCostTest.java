package org.dialerd.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessCostTest {
    @Test
    void countsTheCpuTheSwitchesAndTheBytesOfAWindowPerRequest() throws InterruptedException {
        ProcessCost cost = ProcessCost.self();
        cost.mark();
        long sum = 0;
        byte[][] kept = new byte[64][];
        for (int round = 0; round < 64; round++) {
            kept[round] = new byte[64 * 1024]; // 4 MiB in all, on this thread
            Thread worker = new Thread(() -> { }); // a hand-off: this thread blocks in join and is woken
            worker.start();
            worker.join();
            sum += kept[round].length;
        }
        long spin = System.nanoTime() + 50_000_000L;
        while (System.nanoTime() < spin) {
            sum += System.identityHashCode(kept) & 1; // 50 ms of CPU on this thread
        }
        cost.end();
        ProcessCost.Window window = cost.perRequest(2);

        assertTrue(sum > 0);
        assertTrue(window.userMicros() + window.systemMicros() > 0, window.line());
        assertTrue(window.voluntarySwitches() >= 1, "64 joins, 2 requests: " + window.line());
        assertTrue(window.allocatedBytes() >= 2 * 1024 * 1024 - 1, "4 MiB over 2 requests: " + window.line());
        assertTrue(window.line().contains("by thread"), window.line());
    }
}
