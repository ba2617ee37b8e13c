package org.dialerd.core.engine;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The dialer's candidates held in memory between reads: the latest reading of the campaigns'
 * rows, refilled ahead of the rounds (a read starts after each round and runs while the next
 * waits), and what was placed or closed since that reading began, which it cannot show yet.
 * A round dials from the window at once instead of waiting for the journal to apply every
 * earlier write; the reservations ({@link #placed}) keep a call taken from a reading from being
 * taken again from it, or from the next one if that began before the placement reached the
 * database. One read at a time. Engine thread only.
 *
 * @param <R> what one read holds (campaigns, candidates, scheduled calls, do-not-call list)
 */
final class CandidateWindow<R> {
    private R current;
    /** Calls placed since the current reading's read began (it may still show them dialable). */
    private Set<Long> placedSinceCurrent = new HashSet<>();
    private Set<Integer> closedSinceCurrent = new HashSet<>();
    private long currentEndings;
    /** Non-null while a read is running: what was placed and closed since it began. */
    private Set<Long> placedSincePending;
    private Set<Integer> closedSincePending;
    private long pendingEndings;

    /** No read is running: one may start. */
    boolean refillDue() {
        return placedSincePending == null;
    }

    /** A read begins; {@code endings}: calls ended so far (a reading that predates an ending cannot judge "finished"). */
    void refillStarted(long endings) {
        if (!refillDue()) {
            throw new IllegalStateException("a read is already running");
        }
        placedSincePending = new HashSet<>();
        closedSincePending = new HashSet<>();
        pendingEndings = endings;
    }

    /** The running read's rows: the window from now on, minus what was placed since it began. */
    void refilled(R reading) {
        if (refillDue()) {
            throw new IllegalStateException("no read is running");
        }
        current = reading;
        placedSinceCurrent = placedSincePending;
        closedSinceCurrent = closedSincePending;
        currentEndings = pendingEndings;
        placedSincePending = null;
        closedSincePending = null;
    }

    /** The running read failed: the window stays as it was; another read may start. */
    void refillFailed() {
        placedSincePending = null;
        closedSincePending = null;
    }

    Optional<R> current() {
        return Optional.ofNullable(current);
    }

    /** The call was originated: it is no longer a candidate of the window or of the running read. */
    void placed(long callId) {
        placedSinceCurrent.add(callId);
        if (placedSincePending != null) {
            placedSincePending.add(callId);
        }
    }

    /** Whether the call was placed after the current reading began (its row there is stale). */
    boolean isPlaced(long callId) {
        return placedSinceCurrent.contains(callId);
    }

    /** dialerd set the campaign's status (expired, finished): the current reading's row is stale. */
    void closed(int campaignId) {
        closedSinceCurrent.add(campaignId);
        if (closedSincePending != null) {
            closedSincePending.add(campaignId);
        }
    }

    boolean isClosed(int campaignId) {
        return closedSinceCurrent.contains(campaignId);
    }

    /**
     * Whether the current reading shows every call as it is: none ended and none was placed since
     * its read began. Only then may "no candidate left" mean the campaign is finished.
     */
    boolean isCurrent(long endingsNow) {
        return current != null && currentEndings == endingsNow && placedSinceCurrent.isEmpty();
    }
}
