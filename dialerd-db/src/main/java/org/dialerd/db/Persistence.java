package org.dialerd.db;

import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.dialerd.core.journal.IdAllocator;
import org.dialerd.core.journal.JournalSettings;
import org.dialerd.core.journal.JournalTarget;
import org.dialerd.core.store.ReferenceCache;
import org.dialerd.core.store.Stores;
import org.dialerd.core.store.answers.AnswerCache;
import org.dialerd.core.store.answers.AnswerStores;
import org.dialerd.core.store.answers.AnswerWrites;
import org.dialerd.core.store.answers.ChangeSource;
import org.dialerd.core.store.reference.ReferenceData;
import org.dialerd.core.store.reference.ReferenceStores;
import org.dialerd.core.store.reference.ReferenceWrites;
import org.dialerd.db.journal.JdbcIdBlockSource;
import org.dialerd.db.journal.JdbcJournalTarget;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcChangeSource;
import org.dialerd.db.store.JdbcReferenceSource;
import org.dialerd.db.store.JdbcStores;

/**
 * The two faces of the database dialerd uses: the stores requests read (through a circuit
 * breaker, the reference tables held in memory), and the journal's target and id blocks (on a
 * pool of their own), plus where the journal lives.
 *
 * @param reference the reference tables in memory; whoever starts dialerd refreshes them
 *                  ({@code ReferenceRefresh})
 * @param idBlock   ids reserved per table at a time ({@code [journal] id_block})
 * @param answers   the database-backed requests' answers in memory; whoever starts dialerd runs
 *                  its change check ({@code AnswerRefresh} over {@link #changes})
 * @param changes   the answer cache's change check
 */
public record Persistence(Stores stores, GuardedDataSource requests, JournalTarget journalTarget,
                      IdAllocator.BlockSource idBlocks, JournalSettings journal, int idBlock,
                      ReferenceData reference, AnswerCache answers, ChangeSource changes) {
    public static final int DEFAULT_ID_BLOCK = 10_000;
    /** How often a tripped breaker asks the database again. */
    public static final Duration PROBE_EVERY = Duration.ofMillis(500);

    public Persistence {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(journalTarget, "journalTarget");
        Objects.requireNonNull(idBlocks, "idBlocks");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(changes, "changes");
    }

    /**
     * @param requests the pool request handlers use (short connection timeout)
     * @param writes   the pool the journal applier and the id allocator use
     */
    public static Persistence over(DataSource requests, DataSource writes, JournalSettings journal, int idBlock) {
        GuardedDataSource guarded = new GuardedDataSource(requests, PROBE_EVERY);
        ReferenceData reference = new ReferenceData(new JdbcReferenceSource(new Jdbc(guarded)));
        AnswerCache answers = new AnswerCache();
        // Behind the snapshot, agents and breaks keep the outage memory for the time before the first read.
        Stores stores = AnswerStores.over(ReferenceStores.over(ReferenceCache.over(
                JdbcStores.over(guarded, answers::invalidateAll)), reference), answers);
        return new Persistence(stores, guarded, new AnswerWrites(new ReferenceWrites(new JdbcJournalTarget(writes),
                reference), answers), new JdbcIdBlockSource(writes), journal, idBlock, reference, answers,
                new JdbcChangeSource(new Jdbc(guarded)));
    }

    /** One pool for everything (tests). */
    public static Persistence over(DataSource dataSource, JournalSettings journal) {
        return over(dataSource, dataSource, journal, DEFAULT_ID_BLOCK);
    }
}
