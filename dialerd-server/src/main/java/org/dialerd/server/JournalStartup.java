package org.dialerd.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dialerd.core.DaemonThreads;
import org.dialerd.core.journal.DeadLetters;
import org.dialerd.core.journal.IdAllocator;
import org.dialerd.core.journal.Journal;
import org.dialerd.core.journal.JournalApplier;
import org.dialerd.core.journal.JournalWrites;
import org.dialerd.db.Persistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side of a start: the journal (records a previous run left are replayed first), its
 * applier into the database, the id blocks and the engine's {@link JournalWrites} over them. At
 * stop the applier drains what it can within {@link #WRITE_DRAIN_TIMEOUT}; the rest waits in the
 * journal for the next start.
 */
final class JournalStartup {
    private static final Logger log = LoggerFactory.getLogger(JournalStartup.class);
    static final Duration WRITE_DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration APPLY_MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration APPLY_MAX_BACKOFF = Duration.ofSeconds(5);

    /** The journal, what applies it, and the writes the engine appends through. */
    record Writes(Journal journal, JournalApplier applier, JournalWrites writes) {
        /** Waits for the journal's backlog unless the database is known to be away (then the request fails fast). */
        void awaitApplied(Persistence persistence, Duration max) {
            if (applier.paused() || !persistence.requests().available()) {
                return;
            }
            // Not drained in time: read what the database has now; the request reports an unavailable database.
            applier.drain(max);
        }
    }

    private JournalStartup() {
    }

    /** Opens the journal under {@code clock}'s time; each piece is closed, last first, with {@code resources}. */
    static Writes open(Persistence persistence, Clock clock, Deque<AutoCloseable> resources) {
        Journal journal = Journal.open(persistence.journal(), clock);
        resources.push(journal);
        journal.continueAfter(persistence.journalTarget().lastApplied(journal.hostId()));
        JournalApplier applier = new JournalApplier(journal, persistence.journalTarget(),
                new DeadLetters(persistence.journal().dir()), APPLY_MIN_BACKOFF, APPLY_MAX_BACKOFF).start();
        resources.push(() -> {
            if (!applier.drain(WRITE_DRAIN_TIMEOUT)) {
                log.warn("{} journal records not yet in the database at stop; they are applied at the next start",
                        journal.pending());
            }
            applier.close();
        });
        // What a run that did not stop cleanly left open (audit rows, calls) is not closed here,
        // as the reference does: the engine takes it over, continuing what Asterisk still has
        // and ending the rest at the first resync. The replayed records are applied first.
        journal.takeRecovered(); // not needed: the database has them once replayed
        ExecutorService idRefill = Executors.newSingleThreadExecutor(DaemonThreads.named("dialerd-id-blocks"));
        resources.push(idRefill::shutdownNow);
        IdAllocator ids = new IdAllocator(persistence.idBlocks(), persistence.idBlock(), idRefill, journal::append)
                .start();
        JournalWrites writes = new JournalWrites(journal, ids);
        resources.push(writes);
        return new Writes(journal, applier, writes);
    }
}
