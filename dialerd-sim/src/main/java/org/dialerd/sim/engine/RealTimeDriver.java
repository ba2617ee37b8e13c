package org.dialerd.sim.engine;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongSupplier;
import org.dialerd.sim.clock.VirtualScheduler;

/**
 * Real-time mode (the demo, the load tool): the virtual clock follows the wall clock elapsed
 * since start, times a speed factor, so phones ring and talk in real seconds.
 *
 * <p>Events leave when they fall due, as a real Asterisk publishes them while its calls
 * progress: the engine thread sleeps until the wall-clock time of the next task on the virtual
 * clock (or until an action or a scenario call arrives), and every step first brings the clock up
 * to the wall clock, so an action is handled at the time it arrived and what it schedules is
 * timed from then. There is no periodic tick: an earlier driver advanced every 20 ms, which sent
 * everything due in those 20 ms in one burst (up to 174 AMI events at 200 calls/s) and made an
 * arriving action wait for the next tick's time. The virtual clock keeps its millisecond grain:
 * the events of one millisecond still leave together.
 */
public final class RealTimeDriver implements SimEngine.Pacer {

    private final SimEngine engine;
    private final VirtualScheduler scheduler;
    private final double speed;
    private final LongSupplier nanoTime;

    // Engine thread only (start and stop hand themselves to it).
    private boolean running;
    private long wallStartNanos;
    private long virtualStartMillis;
    private ScheduledFuture<?> wake;
    private long wakeForMillis = VirtualScheduler.NOTHING_DUE;
    private long wakeUps;

    public RealTimeDriver(SimEngine engine, double speed) {
        this(engine, speed, System::nanoTime);
    }

    RealTimeDriver(SimEngine engine, double speed, LongSupplier nanoTime) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("real-time speed must be > 0 and finite, got " + speed);
        }
        this.engine = engine;
        this.scheduler = engine.scheduler();
        this.speed = speed;
        this.nanoTime = nanoTime;
    }

    /** Virtual time from now on follows the wall clock, starting at the current virtual time. */
    public void start() {
        engine.run(() -> {
            if (running) {
                return;
            }
            running = true;
            wallStartNanos = nanoTime.getAsLong();
            virtualStartMillis = scheduler.nowMillis();
            engine.pacer(this); // the step's end arms the first wake-up
        });
    }

    /** Virtual time stands still again (what is due then runs only when someone advances it). */
    public void stop() {
        try {
            engine.run(() -> {
                running = false;
                engine.pacer(null);
                disarm();
            });
        } catch (RejectedExecutionException e) {
            // the engine has already stopped: nothing wakes it any more
        }
    }

    @Override
    public void catchUp() {
        scheduler.advanceTo(virtualAt(nanoTime.getAsLong()));
    }

    @Override
    public void afterStep() {
        long next = scheduler.nextDueMillis();
        if (next == VirtualScheduler.NOTHING_DUE || (wake != null && wakeForMillis <= next)) {
            return; // nothing to wake for, or already woken in time; a spare wake-up only catches up
        }
        disarm();
        wakeForMillis = next;
        long delay = wallNanosOf(next) - nanoTime.getAsLong();
        wake = engine.wakeAfter(Math.max(0, delay), this::woke);
    }

    /** The wake-up's own step: the step's start already caught up; its end arms the next one. */
    private void woke() {
        wake = null;
        wakeForMillis = VirtualScheduler.NOTHING_DUE;
        wakeUps++;
    }

    private void disarm() {
        if (wake != null) {
            wake.cancel(false);
            wake = null;
        }
        wakeForMillis = VirtualScheduler.NOTHING_DUE;
    }

    /** The virtual time at wall-clock {@code nanos}: whole milliseconds, rounded down. */
    long virtualAt(long nanos) {
        return virtualStartMillis + (long) Math.floor((nanos - wallStartNanos) * speed / 1_000_000.0);
    }

    /** The first wall-clock instant at which the virtual clock reads {@code virtualMillis}. */
    long wallNanosOf(long virtualMillis) {
        return wallStartNanos + (long) Math.ceil((virtualMillis - virtualStartMillis) * 1_000_000.0 / speed);
    }

    /** The virtual time the pending wake-up is for ({@link VirtualScheduler#NOTHING_DUE}: none). Engine thread. */
    long wakeForMillis() {
        return wakeForMillis;
    }

    /** Wake-ups so far (each one engine step). Engine thread. */
    long wakeUps() {
        return wakeUps;
    }
}
