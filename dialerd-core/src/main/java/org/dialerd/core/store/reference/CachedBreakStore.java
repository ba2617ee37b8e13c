package org.dialerd.core.store.reference;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.store.BreakStore;

/**
 * Breaks answered from {@link ReferenceData} (fresh within a refresh of a web UI edit), from the
 * store behind it while the table is not in memory.
 */
public final class CachedBreakStore implements BreakStore {
    private static final Set<ReferenceTable> BREAKS = Set.of(ReferenceTable.BREAK);

    private final ReferenceData data;
    private final BreakStore database;

    public CachedBreakStore(ReferenceData data, BreakStore database) {
        this.data = data;
        this.database = database;
    }

    @Override
    public List<Break> findByTipo(char tipo) {
        Optional<ReferenceSnapshot> snapshot = data.snapshotWith(BREAKS);
        return snapshot.isPresent() ? snapshot.get().breaks(tipo) : database.findByTipo(tipo);
    }
}
