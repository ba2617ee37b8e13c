package org.dialerd.core.journal;

import java.time.Duration;
import java.util.List;
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
    /** Records applied in one transaction at most. */
    static final int BATCH = 200;

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
            List<JournalEntry> batch;
            try {
                batch = journal.awaitBatch(POLL, BATCH);
                if (batch.isEmpty()) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            long last = batch.get(batch.size() - 1).seq();
            try {
                if (known < 0) {
                    known = target.lastApplied(journal.hostId());
                }
                long alreadyApplied = known;
                List<JournalEntry> fresh = batch.stream().filter(e -> e.seq() > alreadyApplied).toList();
                skipped += batch.size() - fresh.size();
                if (!fresh.isEmpty()) {
                    applyInOrder(fresh);
                    applied += fresh.size();
                }
                known = Math.max(known, last);
                journal.markApplied(last);
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
            }
        }
    }

    /**
     * One transaction for the batch; when the database refuses one of its records for good, the
     * batch is applied one record at a time so that only that record goes to the dead letters.
     */
    private void applyInOrder(List<JournalEntry> entries) {
        if (entries.size() > 1) {
            try {
                target.applyAll(journal.hostId(), entries);
                return;
            } catch (RejectedWriteException | JournalCorruptException e) {
                log.debug("a journal batch from seq {} was refused ({}); applying it record by record",
                        entries.get(0).seq(), e.getMessage());
            } catch (StoreException e) {
                throw e;
            } catch (RuntimeException e) {
                log.debug("a journal batch from seq {} failed ({}); applying it record by record",
                        entries.get(0).seq(), e.toString());
            }
        }
        for (JournalEntry entry : entries) {
            try {
                target.apply(journal.hostId(), entry);
            } catch (RejectedWriteException | JournalCorruptException e) {
                reject(entry, e.getMessage());
            } catch (StoreException e) {
                throw e;
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
        return Futures.completesWithin(journal.whenApplied(journal.lastAppended()), timeout);
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
