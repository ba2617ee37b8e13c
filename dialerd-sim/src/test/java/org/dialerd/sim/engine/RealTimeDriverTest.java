package org.dialerd.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.sim.clock.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RealTimeDriverTest {

    private final SimEngine engine = new SimEngine();

    @AfterEach
    void stopEngine() {
        engine.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void mapsWallClockToVirtualTimeWithTheSpeedFactor() {
        AtomicLong wall = new AtomicLong(7_000_000_000L);
        engine.advanceTo(1_000);
        RealTimeDriver driver = new RealTimeDriver(engine, 2.0, wall::get);
        driver.start();

        assertEquals(1_000, driver.virtualAt(7_000_000_000L));
        assertEquals(1_003, driver.virtualAt(7_001_500_000L));
        assertEquals(1_002, driver.virtualAt(7_001_499_999L), "rounded down to the millisecond");
        assertEquals(7_001_500_000L, driver.wallNanosOf(1_003));
        assertEquals(1_003, driver.virtualAt(driver.wallNanosOf(1_003)));
        driver.stop();
    }

    @Test
    void sleepsUntilTheNextDueTaskWithoutATick() {
        AtomicLong wall = new AtomicLong();
        RealTimeDriver driver = new RealTimeDriver(engine, 1.0, wall::get);
        driver.start();
        assertEquals(VirtualScheduler.NOTHING_DUE, (long) engine.call(driver::wakeForMillis),
                "nothing scheduled, nothing to wake for");

        engine.run(() -> engine.scheduler().schedule(200, () -> { }));
        assertEquals(200, (long) engine.call(driver::wakeForMillis));
        engine.run(() -> engine.scheduler().schedule(35, () -> { }));
        assertEquals(35, (long) engine.call(driver::wakeForMillis), "an earlier task moves the wake-up forward");
        driver.stop();
        assertEquals(VirtualScheduler.NOTHING_DUE, (long) engine.call(driver::wakeForMillis));
    }

    @Test
    void anArrivingActionRunsAtTheWallClockTimeItArrived() {
        AtomicLong wall = new AtomicLong(5_000_000_000L);
        RealTimeDriver driver = new RealTimeDriver(engine, 1.0, wall::get);
        driver.start();
        List<Long> ranAt = new ArrayList<>();
        engine.run(() -> engine.scheduler().schedule(40, () -> ranAt.add(engine.scheduler().nowMillis())));

        wall.addAndGet(57_400_000L); // 57.4 ms later an action arrives
        long actionSaw = engine.call(() -> engine.scheduler().nowMillis());

        assertEquals(57, actionSaw, "not the time of an earlier tick");
        assertEquals(List.of(40L), ranAt, "what fell due before the action ran first, at its own time");
        driver.stop();
    }

    @Test
    void onTheRealClockTasksRunAtTheirTimeNeverEarly() throws InterruptedException {
        long before = System.nanoTime();
        RealTimeDriver driver = new RealTimeDriver(engine, 1.0);
        driver.start();
        int tasks = 10;
        CountDownLatch done = new CountDownLatch(tasks);
        long[] wallAt = new long[tasks];
        engine.run(() -> {
            for (int i = 0; i < tasks; i++) {
                int n = i;
                engine.scheduler().schedule(5L * (i + 1), () -> {
                    wallAt[n] = System.nanoTime();
                    done.countDown();
                });
            }
        });

        assertTrue(done.await(10, TimeUnit.SECONDS), "every task ran in real time, without anyone advancing");
        for (int i = 0; i < tasks; i++) {
            long dueMillis = 5L * (i + 1);
            assertTrue(wallAt[i] - before >= TimeUnit.MILLISECONDS.toNanos(dueMillis),
                    "task due at " + dueMillis + " ms ran " + (wallAt[i] - before) / 1e6 + " ms after the start");
        }
        assertTrue(engine.call(driver::wakeUps) >= 1);
        driver.stop();
    }

    @Test
    void refusesASpeedThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RealTimeDriver(engine, 0));
        assertThrows(IllegalArgumentException.class, () -> new RealTimeDriver(engine, Double.NaN));
    }
}
