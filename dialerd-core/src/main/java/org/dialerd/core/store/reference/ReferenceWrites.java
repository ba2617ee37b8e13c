package org.dialerd.core.store.reference;

import java.util.Optional;
import org.dialerd.core.journal.JournalEntry;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.journal.JournalTarget;

/**
 * The journal's target with dialerd's own writes to reference tables seen by the cache: once a
 * record that changes one (a campaign's status) is in the database, that table is invalidated, so
 * the next request reads it from the database rather than from the snapshot taken before.
 * Statistics columns the cache does not hold ({@code campaign.num_completadas}) invalidate nothing.
 */
public final class ReferenceWrites implements JournalTarget {
    private final JournalTarget target;
    private final ReferenceData data;

    public ReferenceWrites(JournalTarget target, ReferenceData data) {
        this.target = target;
        this.data = data;
    }

    /** The reference table this record changes, if any. */
    static Optional<ReferenceTable> touched(JournalRecord record) {
        if (record instanceof JournalRecord.CampaignStatus) {
            return Optional.of(ReferenceTable.CAMPAIGN);
        }
        return Optional.empty();
    }

    @Override
    public long lastApplied(String hostId) {
        return target.lastApplied(hostId);
    }

    @Override
    public void apply(String hostId, JournalEntry entry) {
        target.apply(hostId, entry);
        touched(entry.record()).ifPresent(data::invalidate);
    }

    @Override
    public void applyAll(String hostId, java.util.List<JournalEntry> entries) {
        target.applyAll(hostId, entries);
        entries.forEach(entry -> touched(entry.record()).ifPresent(data::invalidate));
    }

    @Override
    public java.util.List<String> otherHosts(String hostId) {
        return target.otherHosts(hostId);
    }

    @Override
    public void skip(String hostId, long seq) {
        target.skip(hostId, seq);
    }
}
