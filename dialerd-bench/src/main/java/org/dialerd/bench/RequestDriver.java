package org.dialerd.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;

/**
 * Sends the request mix over the active sessions and records each answer's latency in a
 * {@link PhaseRecorder}. Two ways:
 * <ul>
 *   <li>{@link #openLoop}: at a target rate, round-robin over the sessions, latency from the
 *       time each request was due ({@link RateSchedule}), however late it was sent;</li>
 *   <li>{@link #flatOut}: as fast as dialerd answers, {@code pipeline} requests in flight on
 *       every session, latency from the moment each was written.</li>
 * </ul>
 * Failure answers are counted by request name and code (the first message of each is kept).
 */
final class RequestDriver extends CountingDriver {
    private final List<EccpClient> sessions;
    private final RequestMix mix;
    private final PhaseRecorder recorder;
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failureCounts = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** Open loop: how late the sender was against each due time, and each latency from the send instead. */
    private final PhaseRecorder lateness;
    private final PhaseRecorder fromSend;

    RequestDriver(List<EccpClient> sessions, RequestMix mix, PhaseRecorder recorder) {
        this(sessions, mix, recorder, null, null);
    }

    /**
     * {@code lateness} and {@code fromSend} (open loop only, may be null): the tool's own share of the
     * latency (a sender that woke late) apart from the round trip that follows the send.
     */
    RequestDriver(List<EccpClient> sessions, RequestMix mix, PhaseRecorder recorder, PhaseRecorder lateness,
                  PhaseRecorder fromSend) {
        this.lateness = lateness;
        this.fromSend = fromSend;
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("at least one active session is needed");
        }
        this.sessions = sessions;
        this.mix = mix;
        this.recorder = recorder;
    }

    /** Paces requests on this thread until {@code endNanos}. */
    void openLoop(RateSchedule schedule, long endNanos) {
        for (long i = 0; ; i++) {
            long due = schedule.intendedNanos(i);
            if (due >= endNanos) {
                return;
            }
            long now = RateSchedule.awaitNanos(due);
            if (lateness != null) {
                lateness.record(now - due);
            }
            send(sessions.get((int) (i % sessions.size())), i, due, now);
        }
    }

    /** Keeps {@code pipeline} requests in flight per session until {@code endNanos}; returns at once. */
    void flatOut(int pipeline, long endNanos) {
        AtomicLong index = new AtomicLong();
        for (EccpClient session : sessions) {
            for (int p = 0; p < pipeline; p++) {
                chain(session, index, endNanos);
            }
        }
    }

    private void chain(EccpClient session, AtomicLong index, long endNanos) {
        long now = System.nanoTime();
        if (now >= endNanos || stopping) {
            return;
        }
        // A failed slot stops: a closed connection would otherwise recurse on completed futures.
        send(session, index.getAndIncrement(), now, now).whenComplete((r, e) -> {
            if (e == null) {
                chain(session, index, endNanos);
            }
        });
    }

    private java.util.concurrent.CompletableFuture<EccpResponse> send(EccpClient session, long index, long fromNanos,
                                                                      long sentNanos) {
        String name = mix.name(index);
        sent.incrementAndGet();
        return session.sendAsync(mix.request(index)).whenComplete((response, error) -> {
            if (error != null) {
                errors.incrementAndGet();
                failures.putIfAbsent(name + " error", error.toString());
                return;
            }
            long now = System.nanoTime();
            recorder.record(now - fromNanos);
            if (fromSend != null) {
                fromSend.record(now - sentNanos);
            }
            answered.incrementAndGet();
            response.failure().ifPresent(f -> {
                String key = name + " " + f.code();
                failures.putIfAbsent(key, f.message());
                failureCounts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            });
        });
    }

    /** Stops chaining and waits up to {@code seconds} for the answers still due. */
    @Override
    public boolean drain(int seconds) {
        stopping = true;
        return awaitAnswers(seconds);
    }




    /** "name code: count (first message)" for every failure answer seen. */
    @Override
    public List<String> failureLines() {
        return failures.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + failureCounts.getOrDefault(e.getKey(), new AtomicLong()).get()
                        + " (" + e.getValue() + ")")
                .toList();
    }

    @Override
    public long failureAnswers() {
        return failureCounts.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
