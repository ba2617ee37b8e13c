package org.dialerd.sim.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.Arrays;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.ami.AmiSession;
import org.dialerd.sim.clock.VirtualScheduler;
import org.dialerd.sim.order.EventOrder;
import org.dialerd.sim.pbx.EventSink;
import org.dialerd.sim.pbx.Pbx;

/**
 * The one thread that owns the PBX. Actions from every session, clock advances and scenario
 * calls are queued here and run one at a time; after each, everything already due on the
 * virtual clock runs too. Events are broadcast to sessions in the order they were produced, or
 * in the order an {@link EventOrder} chooses: then each instant's events are held until the
 * clock moves on, a response is sent or the step ends, and go out in the policy's order.
 *
 * <p>In real time a {@link Pacer} ({@link RealTimeDriver}) brings the virtual clock up to the
 * wall clock before each step and, after it, has the thread woken when the next task falls due:
 * between steps the thread sleeps, with no periodic tick.
 */
public final class SimEngine implements EventSink {

    private static final long CALL_TIMEOUT_SECONDS = 30;

    private volatile Thread engineThread;
    /** One thread; immediate work runs in submission order, delayed work (the pacer's wake-ups) when due. */
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "sim-engine");
        t.setDaemon(true);
        engineThread = t;
        return t;
    });
    /** Real time: keeps the virtual clock on the wall clock; null when tests advance it. Engine thread. */
    private Pacer pacer;
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Consumer<AmiMessage>> listeners = new CopyOnWriteArrayList<>();
    /** Told before the event is written to the sessions (latency stamps), where listeners are told after. */
    private final List<Consumer<AmiMessage>> beforeSend = new CopyOnWriteArrayList<>();
    private Pbx pbx;
    private EventOrder order = EventOrder.NATURAL;
    /** Published but not yet handed to the order policy (only when it is not NATURAL). */
    private final List<AmiMessage> held = new ArrayList<>();
    /** Responses the order policy puts after their action's events: sent when the step ends. */
    private final List<Map.Entry<AmiSession, AmiMessage>> afterStep = new ArrayList<>();

    public SimEngine() {
        scheduler.beforeTimeMoves(this::endInstant);
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Paces the virtual clock in real time: {@link #catchUp} runs before every step,
     * {@link #afterStep} after it (both on the engine thread).
     */
    interface Pacer {
        /** Moves the virtual clock to the wall clock's time, running what fell due meanwhile. */
        void catchUp();

        /** The step is over: arrange to be woken when the next task falls due. */
        void afterStep();
    }

    /** Installs (or with null removes) the real-time pacer. Engine thread. */
    void pacer(Pacer p) {
        this.pacer = p;
    }

    /** Runs {@code work} as an engine step after {@code delayNanos} (the pacer's wake-up). Any thread. */
    ScheduledFuture<?> wakeAfter(long delayNanos, Runnable work) {
        return thread.schedule(() -> step(work), delayNanos, TimeUnit.NANOSECONDS);
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    public void pbx(Pbx p) {
        this.pbx = p;
    }

    public Pbx pbx() {
        return pbx;
    }

    public void addSession(AmiSession s) {
        sessions.add(s);
    }

    public void removeSession(AmiSession s) {
        sessions.remove(s);
    }

    public List<AmiSession> sessions() {
        return List.copyOf(sessions);
    }

    /** In-process observers (tests, load statistics); run on the engine thread, keep them short. */
    public void addListener(Consumer<AmiMessage> l) {
        listeners.add(l);
    }

    /**
     * Observers told just before an event is written to the AMI sessions: a stamp taken here is
     * never later than the client's receipt (the load tool's event latency). Engine thread.
     */
    public void addBeforeSendListener(Consumer<AmiMessage> l) {
        beforeSend.add(l);
    }

    /** Chooses the order of the AMI output from now on (call before clients connect). */
    public void eventOrder(EventOrder policy) {
        run(() -> {
            flushEvents();
            order = policy;
        });
    }

    @Override
    public void publish(AmiMessage event) {
        if (order == EventOrder.NATURAL) {
            deliver(event);
        } else {
            held.add(event);
        }
    }

    /** Whether the policy sends the response to {@code action} after the events of this step. Engine thread. */
    public boolean responseAfterEvents(AmiMessage action) {
        return order.responseAfterEvents(action);
    }

    /** Sends {@code response} to {@code session} once this step's events went out. Engine thread. */
    public void sendAfterStep(AmiSession session, AmiMessage response) {
        afterStep.add(Map.entry(session, response));
    }

    /** The start of an engine step: in real time, the clock catches up with the wall clock first. */
    private void beginStep() {
        if (pacer != null) {
            pacer.catchUp();
        }
    }

    /** The end of an engine step: what is due runs, then {@link #endInstant}; in real time the next wake-up. */
    private void endStep() {
        scheduler.runDue();
        endInstant();
        if (pacer != null) {
            pacer.afterStep();
        }
    }

    private void step(Runnable work) {
        beginStep();
        work.run();
        endStep();
    }

    /** Before the clock moves on or a step ends: this instant's events, then the responses held behind them. */
    private void endInstant() {
        flushEvents();
        while (!afterStep.isEmpty()) {
            List<Map.Entry<AmiSession, AmiMessage>> responses = List.copyOf(afterStep);
            afterStep.clear();
            responses.forEach(r -> r.getKey().send(r.getValue()));
        }
    }

    /** Hands what was published at this instant to the order policy and delivers its answer. Engine thread. */
    public void flushEvents() {
        release(scheduler.nowMillis());
    }

    /** Delivers everything held, the policy's late events too (before a restart ends the sessions). */
    public void flushAllEvents() {
        release(EventOrder.EVERYTHING);
    }

    private void release(long nowMillis) {
        if (order == EventOrder.NATURAL) {
            return;
        }
        List<AmiMessage> published = List.copyOf(held);
        held.clear();
        for (AmiMessage event : order.release(published, nowMillis)) {
            deliver(event);
        }
    }

    private void deliver(AmiMessage event) {
        String wire = event.toWire();
        Set<String> classes = Arrays.stream(event.getOrEmpty("Privilege").split(","))
                .map(String::trim).collect(Collectors.toSet());
        for (Consumer<AmiMessage> l : beforeSend) {
            l.accept(event);
        }
        for (AmiSession s : sessions) {
            s.deliver(event, classes, wire);
        }
        for (Consumer<AmiMessage> l : listeners) {
            l.accept(event);
        }
    }

    /** Queues work on the engine thread; due timers run right after it. */
    public void execute(Runnable work) {
        thread.execute(() -> step(work));
    }

    /** Runs work on the engine thread and waits for its result. */
    public <T> T call(Callable<T> work) {
        if (Thread.currentThread() == engineThread) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new SimEngineException("engine call failed", e);
            }
        }
        Future<T> f = thread.submit(() -> {
            beginStep();
            T r = work.call();
            endStep();
            return r;
        });
        try {
            return f.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimEngineException("interrupted while waiting for the engine", e);
        } catch (ExecutionException e) {
            throw new SimEngineException("engine call failed", e.getCause());
        } catch (TimeoutException e) {
            throw new SimEngineException("engine did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Moves virtual time forward, running every task that falls due, in order. */
    public void advance(Duration d) {
        run(() -> scheduler.advanceTo(scheduler.nowMillis() + d.toMillis()));
    }

    public void advanceTo(long virtualMillis) {
        run(() -> scheduler.advanceTo(virtualMillis));
    }

    public long nowMillis() {
        return call(scheduler::nowMillis);
    }

    public void shutdown(Duration timeout) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Unchecked failure of an engine call, keeping its cause. */
    public static final class SimEngineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SimEngineException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
