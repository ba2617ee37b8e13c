package org.dialerd.ami;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which responses dialerd is waiting for, by the ActionID it gave each action, so that the
 * ones Asterisk should never have sent are seen: a response for an ActionID nobody is waiting
 * for (orphan) or one that comes after its action timed out (late). Both are counted and
 * logged, never delivered: asterisk-java drops them (it logs them at DEBUG only), and nothing
 * may wedge on them. Timeouts are counted here too. Each dropped response is also reported to
 * {@link AmiMetrics} (timeouts reach it through the action's outcome). Thread-safe: responses
 * are looked up on asterisk-java's event pump, actions registered on the io thread.
 */
final class ResponseLedger {
    private static final Logger log = LoggerFactory.getLogger(ResponseLedger.class);
    /** Timed-out ActionIDs remembered to tell a late response from an orphan. */
    static final int LATE_MEMORY = 10_000;
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;

    private final Map<String, Integer> expected = new ConcurrentHashMap<>();
    private final Map<String, Boolean> timedOut = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > LATE_MEMORY;
                }
            });
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong orphans = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final AmiMetrics metrics;

    ResponseLedger() {
        this(AmiMetrics.NONE);
    }

    ResponseLedger(AmiMetrics metrics) {
        this.metrics = metrics;
    }

    /** ActionIDs whose response is expected now, and timed-out ones remembered (at most {@link #LATE_MEMORY}). */
    int[] sizes() {
        return new int[] {expected.size(), timedOut.size()};
    }

    /** Before the action is written: its response is now expected. */
    void expect(String actionId) {
        expected.merge(actionId, 1, Integer::sum);
    }

    /** The action's answer did not come in time; a response that still comes is late, not orphan. */
    void timedOut(String action, String actionId, long millis) {
        long count = timeouts.incrementAndGet();
        if (take(actionId)) {
            timedOut.put(actionId, Boolean.TRUE);
        }
        warn("AMI {} (ActionID {}): no answer within {} ms; {} actions unanswered so far", action, actionId,
                millis, count);
    }

    /** The action was never written, or its connection is gone: no response is expected any more. */
    void forget(String actionId) {
        take(actionId);
    }

    /**
     * A response as it arrived ({@code <asterisk-java's id>#<ours>}); false when nobody waits
     * for it. asterisk-java's own actions (login, its version check) carry no id of ours.
     */
    boolean arrived(String wireActionId) {
        if (wireActionId == null) {
            return orphan("(none)");
        }
        int hash = wireActionId.indexOf('#');
        String ours = hash < 0 ? wireActionId : wireActionId.substring(hash + 1);
        if (hash >= 0 && ours.isEmpty()) {
            return true;
        }
        if (take(ours)) {
            return true;
        }
        if (timedOut.remove(ours) != null) {
            long count = late.incrementAndGet();
            metrics.responseDropped(AmiMetrics.Dropped.LATE);
            log.info("AMI response for ActionID {} came after its action timed out; dropped ({} late so far)", ours,
                    count);
            return false;
        }
        return orphan(ours);
    }

    long unknownResponses() {
        return orphans.get();
    }

    long lateResponses() {
        return late.get();
    }

    long timeouts() {
        return timeouts.get();
    }

    private boolean take(String actionId) {
        boolean[] found = {false};
        expected.computeIfPresent(actionId, (id, n) -> {
            found[0] = true;
            return n == 1 ? null : n - 1;
        });
        return found[0];
    }

    private boolean orphan(String actionId) {
        long count = orphans.incrementAndGet();
        metrics.responseDropped(AmiMetrics.Dropped.UNKNOWN);
        log.debug("AMI response for unknown ActionID {} dropped", actionId);
        warn("AMI response for ActionID {} that no action of dialerd is waiting for; dropped ({} so far)", actionId,
                count);
        return false;
    }

    /** WARN at most every 10 s (a burst of faults must not flood the log); DEBUG otherwise. */
    private void warn(String format, Object... args) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn(format, args);
        } else {
            log.debug(format, args);
        }
    }
}
