package org.dialerd.core.store.answers;

import java.util.List;
import org.dialerd.core.journal.JournalEntry;
import org.dialerd.core.journal.JournalTarget;

/**
 * The journal's target with dialerd's own writes seen by the {@link AnswerCache}: once a batch
 * is committed (or has failed: it may have committed without its answer) the cached answers are
 * invalidated, before the applier reports the batch applied, so a request that waited for the
 * journal's writes never gets an answer read before them.
 */
public final class AnswerWrites implements JournalTarget {
    private final JournalTarget target;
    private final AnswerCache cache;

    public AnswerWrites(JournalTarget target, AnswerCache cache) {
        this.target = target;
        this.cache = cache;
    }

    @Override
    public long lastApplied(String hostId) {
        return target.lastApplied(hostId);
    }

    @Override
    public void apply(String hostId, JournalEntry entry) {
        try {
            target.apply(hostId, entry);
        } finally {
            cache.invalidateAll();
        }
    }

    @Override
    public void applyAll(String hostId, List<JournalEntry> entries) {
        try {
            target.applyAll(hostId, entries);
        } finally {
            cache.invalidateAll();
        }
    }

    @Override
    public List<String> otherHosts(String hostId) {
        return target.otherHosts(hostId);
    }

    @Override
    public void skip(String hostId, long seq) {
        target.skip(hostId, seq);
    }
}
