package org.dialerd.core.store.reference;

import java.util.Map;

/**
 * Where reference rows come from (dialerd-db reads them from MariaDB). Both calls throw
 * {@link org.dialerd.core.store.StoreException} when the database does not answer.
 */
public interface ReferenceSource {

    /** Every table's fingerprint, in one round trip. */
    Map<ReferenceTable, Fingerprint> fingerprints();

    /** {@code rows} with this table's rows read afresh, the other tables as they were. */
    ReferenceRows load(ReferenceTable table, ReferenceRows rows);
}
