package org.dialerd.db.store;

import org.dialerd.core.journal.IdTable;
import org.dialerd.core.store.TakeoverScope;

/**
 * The SQL condition that keeps a host's own rows for the start-up takeover: the row's id lies
 * in a range of {@code dialerd_id_range} that this host's journal reserved, or, when the scope
 * takes them, in no range at all (a row of the PHP dialerd or of a dialerd before the ranges).
 * One bound parameter: the host id.
 */
final class OwnedRows {
    private OwnedRows() {
    }

    /**
     * {@code id}: the SQL expression of the row's dialerd-assigned id (a column, or a subquery);
     * the table name comes from the enum, never from outside, so it is safe in the SQL.
     */
    static String condition(IdTable table, String id, TakeoverScope scope) {
        String name = "'" + table.tableName() + "'";
        String own = "EXISTS (SELECT 1 FROM dialerd_id_range r WHERE r.table_name = " + name
                + " AND r.host_id = ? AND " + id + " BETWEEN r.first_id AND r.last_id)";
        if (!scope.unowned()) {
            return own;
        }
        return "(" + own + " OR NOT EXISTS (SELECT 1 FROM dialerd_id_range u WHERE u.table_name = " + name
                + " AND " + id + " BETWEEN u.first_id AND u.last_id))";
    }
}
