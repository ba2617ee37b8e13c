package org.dialerd.core.engine;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resync with Asterisk also runs every {@code interval} while AMI stays connected, not only
 * after a (re)connection: a call whose end events were all lost, or an agent whose logoff was
 * lost, is set right within one interval instead of at the next reconnect. It costs three list
 * actions per interval. A tick while a pass runs is skipped (one pass at a time), and so is a
 * tick while AMI is down (the reconnection resyncs by itself). The pass is the same
 * {@link AgentResync}, with the same rule: what changed while its snapshot was on its way wins.
 * It logs only what it corrects. Engine thread.
 */
final class PeriodicResync implements EngineScheduler.Cancellable {
    private static final Logger log = LoggerFactory.getLogger(PeriodicResync.class);

    private final AgentEngine engine;
    private final ResyncLoop loop;
    private final Duration interval;
    private volatile boolean cancelled;
    private EngineScheduler.Cancellable timer;

    PeriodicResync(AgentEngine engine, ResyncLoop loop, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("resync interval must be positive: " + interval);
        }
        this.engine = engine;
        this.loop = loop;
        this.interval = interval;
    }

    PeriodicResync start() {
        engine.scheduler().execute(this::arm);
        return this;
    }

    private void arm() {
        if (!cancelled) {
            timer = engine.scheduler().schedule(interval, this::tick);
        }
    }

    private void tick() {
        if (cancelled) {
            return;
        }
        if (!engine.pbxConnected()) {
            log.debug("periodic resync skipped: AMI is not connected (the reconnection resyncs)");
        } else if (!loop.requestIfIdle()) {
            log.debug("periodic resync skipped: a resync is still running");
        }
        arm();
    }

    /** No more ticks (daemon stop). */
    @Override
    public void cancel() {
        cancelled = true;
        engine.scheduler().execute(() -> {
            if (timer != null) {
                timer.cancel();
            }
        });
    }
}
