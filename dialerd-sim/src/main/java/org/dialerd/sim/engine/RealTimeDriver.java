package org.dialerd.sim.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Real-time mode for the demo: every tick, advances the virtual clock to the wall-clock time
 * elapsed since start (times a speed factor), so phones ring and talk in real seconds.
 */
public final class RealTimeDriver {

    private static final long TICK_MS = 20;

    private final SimEngine engine;
    private final double speed;
    private ScheduledExecutorService ticker;

    public RealTimeDriver(SimEngine engine, double speed) {
        if (speed <= 0) {
            throw new IllegalArgumentException("real-time speed must be > 0, got " + speed);
        }
        this.engine = engine;
        this.speed = speed;
    }

    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        long wallStart = System.nanoTime();
        long virtualStart = engine.nowMillis();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-realtime");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            long elapsed = (long) ((System.nanoTime() - wallStart) / 1_000_000 * speed);
            engine.execute(() -> engine.scheduler().advanceTo(virtualStart + elapsed));
        }, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }
}
