package org.dialerd.core.journal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the journal's durable records to the database, in order, on its own thread. A
 * record at or below the database's last_seq is skipped (it was applied before a crash). A
 * transient failure (the database is down) is retried with growing backoff and the records
 * behind it wait: order is kept. A record the database refuses for good goes to the
 * {@link DeadLetters} file, logged once, and the applier moves on.
 */
public final class JournalApplier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalApplier.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Journal journal;
    private final JournalTarget target;
    private final DeadLetters deadLetters;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean paused;
    private volatile long applied;
    private volatile long skipped;

    public JournalApplier(Journal journal, JournalTarget target, DeadLetters deadLetters, Duration minBackoff,
                          Duration maxBackoff) {
        this.journal = journal;
        this.target = target;
        this.deadLetters = deadLetters;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::run, "dialerd-journal-apply");
        thread.setDaemon(true);
    }

    public JournalApplier start() {
        thread.start();
        return this;
    }

    private void run() {
        long known = -1;
        Duration backoff = minBackoff;
        long pausedSince = 0;
        while (!stopped) {
            JournalEntry entry;
            try {
                Optional<JournalEntry> next = journal.awaitNext(POLL);
                if (next.isEmpty()) {
                    continue;
                }
                entry = next.get();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (known < 0) {
                    known = target.lastApplied(journal.hostId());
                }
                if (entry.seq() <= known) {
                    skipped++;
                } else {
                    target.apply(journal.hostId(), entry);
                    known = entry.seq();
                    applied++;
                }
                journal.markApplied(entry.seq());
                if (paused) {
                    paused = false;
                    log.info("database writes resumed after {} s; {} journal records still to apply",
                            (System.nanoTime() - pausedSince) / 1_000_000_000, journal.pending());
                }
                backoff = minBackoff;
            } catch (StoreException e) {
                known = -1; // a commit may have succeeded without its answer: read last_seq again
                if (!paused) {
                    paused = true;
                    pausedSince = System.nanoTime();
                    log.warn("database writes paused ({}); records are kept in the journal and applied in order"
                            + " once the database answers; {} waiting", e.getMessage(), journal.pending());
                }
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            } catch (RejectedWriteException | JournalCorruptException e) {
                reject(entry, e.getMessage());
            } catch (RuntimeException e) {
                // A bug must not wedge every write behind it: the record is kept in the dead letters.
                log.error("applying journal record seq {} failed unexpectedly", entry.seq(), e);
                reject(entry, e.toString());
            }
        }
    }

    private void reject(JournalEntry entry, String reason) {
        deadLetters.add(entry, reason);
        try {
            target.skip(journal.hostId(), entry.seq());
        } catch (RuntimeException e) {
            log.warn("cannot record seq {} as skipped ({}); a replay would dead-letter it again", entry.seq(),
                    e.toString());
        }
        journal.markApplied(entry.seq());
    }

    private boolean sleep(Duration delay) {
        try {
            TimeUnit.MILLISECONDS.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Whether the database is refusing writes for now (they wait in the journal). */
    public boolean paused() {
        return paused;
    }

    public long appliedCount() {
        return applied;
    }

    /** Replayed records found already in the database. */
    public long skippedCount() {
        return skipped;
    }

    /** Waits up to {@code timeout} until everything appended so far is applied. */
    public boolean drain(Duration timeout) {
        try {
            journal.whenApplied(journal.lastAppended()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops applying; what is left stays in the journal for the next start. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
