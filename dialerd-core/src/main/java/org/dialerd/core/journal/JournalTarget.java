package org.dialerd.core.journal;

import org.dialerd.core.store.StoreException;

/**
 * Where journal records are applied: the database (dialerd-db's {@code JdbcJournalTarget}).
 * Each {@link #apply} is one transaction that also records the entry's seq as applied, so a
 * record is in the database exactly once however often it is replayed.
 */
public interface JournalTarget {

    /** The highest seq of this journal already applied; 0 when none. */
    long lastApplied(String hostId);

    /**
     * Applies the record and advances last_seq to its seq, all or nothing. An entry at or below
     * last_seq is skipped inside the same transaction.
     *
     * @throws StoreException        the database is unreachable or the transaction could not
     *                               commit now (retried, order kept)
     * @throws RejectedWriteException the database refuses this record for good (dead letter)
     */
    void apply(String hostId, JournalEntry entry);

    /**
     * Applies the records in order and advances last_seq to the last one's, all or nothing:
     * one transaction for many records, so the database's commit latency is paid once per
     * batch, not once per record (one commit per record capped dialerd at a few dozen
     * records a second on a busy disk, and the dialer reads after its writes). Entries at or
     * below last_seq are skipped. By default one {@link #apply} each.
     *
     * @throws StoreException         as {@link #apply}: nothing of the batch was applied
     * @throws RejectedWriteException one record is refused for good: nothing of the batch was
     *                                applied (the applier then applies them one by one)
     */
    default void applyAll(String hostId, java.util.List<JournalEntry> entries) {
        for (JournalEntry entry : entries) {
            apply(hostId, entry);
        }
    }

    /** Advances last_seq past a dead-lettered entry, so a replay does not offer it again. */
    void skip(String hostId, long seq);

    /**
     * The other journals (hosts) that have written to this database: applied records or
     * reserved ids. Empty: this host is the only one. No default: a wrapper that forgot to ask
     * its target would make a host think it is alone and take over the other hosts' rows.
     */
    java.util.List<String> otherHosts(String hostId);
}
