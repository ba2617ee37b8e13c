package org.dialerd.it.soak;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.core.engine.AgentEngine;
import org.dialerd.core.engine.EngineBacklog;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.sim.pbx.QueueConfig;
import org.dialerd.sim.Scenario;

/**
 * "dialerd has handled everything the PBX said so far", without sleeping: after each step the
 * simulator publishes a marker (a QueueMemberPause of a member of a queue dialerd does not
 * follow), which travels behind the step's events through the socket, asterisk-java and the
 * gateway; once the gateway hands it to its listeners (the engine's first), a task queued on
 * the engine thread runs after every event before it. Neither the event order policy nor the
 * faults touch the marker (it is not one of the names they move or lose).
 */
final class SoakBarrier {
    static final String QUEUE = "9999";
    private static final String MEMBER = "Local/marker@soak";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final PbxHarness pbx;
    private final AgentEngine engine;
    private final AtomicLong seen = new AtomicLong();
    private long sent;

    /** The marker's queue, added to the scenario before the simulator starts. */
    static void addTo(Scenario scenario) {
        scenario.queue(QueueConfig.of(QUEUE, QueueConfig.Strategy.RINGALL));
    }

    SoakBarrier(PbxHarness pbx, AgentEngine engine) {
        this.pbx = pbx;
        this.engine = engine;
        pbx.gateway().addListener(event -> {
            if (event instanceof PbxEvent.QueueMemberPause p && p.member().queue().equals(QUEUE)) {
                synchronized (seen) {
                    seen.incrementAndGet();
                    seen.notifyAll();
                }
            }
        });
        pbx.simulator().withPbx(p -> p.queues().add(QUEUE, MEMBER, "marker", "", 0, false, ""));
    }

    /** Returns once the engine has handled every event the PBX sent before this call; its backlog then. */
    EngineBacklog pass() {
        long mark = ++sent;
        pbx.simulator().withPbx(p -> p.queues().pause(QUEUE, MEMBER, mark % 2 == 1, "mark"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (seen) {
            while (seen.get() < mark) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("marker " + mark + " not through dialerd within " + WAIT + " (seen "
                            + seen.get() + ")");
                }
                try {
                    seen.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted at marker " + mark, e);
                }
            }
        }
        EngineBacklog backlog;
        try {
            backlog = engine.backlog().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("engine did not answer within " + WAIT, e);
        }
        aDialerRoundDecided();
        actionsArrived();
        return backlog;
    }

    /**
     * A dialer round has decided on what this step brought: its decisions ran on the engine
     * thread after the backlog task above, so after every event before the marker. The rounds
     * run on real time (every few milliseconds, each a database read); without this wait,
     * how many rounds a virtual second got depended on how fast the machine read the
     * database against how fast it moved the clock, and with them the originates a virtual
     * second (a loaded machine: 0.75 instead of about 1.3). With it, every virtual second has
     * at least one round.
     */
    private void aDialerRoundDecided() {
        long before = engine.dialerRounds();
        Awaits.until("a dialer round after marker " + sent, WAIT, () -> engine.dialerRounds() > before);
    }

    /**
     * Every action dialerd sent so far has been run by the simulator, at this virtual instant:
     * an action of the test's own goes out behind them on the same connection (the gateway
     * writes in order) and is answered after them. Without it a loaded machine lets virtual
     * time run on while an Originate still waits in dialerd's socket, and the call's deadlines
     * (virtual) pass before the PBX even saw it.
     */
    private void actionsArrived() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                pbx.gateway().send(new PbxAction.Command("core show version")).get(WAIT.toMillis(),
                        TimeUnit.MILLISECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the PBX", e);
            } catch (Exception e) {
                // Timed out in the gateway (a loaded machine): the next one still goes behind them.
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the PBX did not answer an action within " + WAIT, e);
                }
            }
        }
    }
}
