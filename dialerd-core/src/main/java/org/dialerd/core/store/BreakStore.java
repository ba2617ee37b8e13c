package org.dialerd.core.store;

import java.util.List;

/** The {@code break} table. */
public interface BreakStore {
    record Break(int id, String name, String description, boolean active, char tipo) {}

    /** Every break of the given tipo ('B' or 'H'), active or not, ordered by id. */
    List<Break> findByTipo(char tipo);
}
