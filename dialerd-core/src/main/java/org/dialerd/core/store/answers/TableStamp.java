package org.dialerd.core.store.answers;

import java.util.Objects;

/**
 * What one table looked like to a change check, from the server's own bookkeeping: no row is read.
 *
 * @param table       the table's name
 * @param updateTime  InnoDB's last commit time of a transaction that changed the table, in the
 *                    server's whole seconds ({@code information_schema.TABLES.UPDATE_TIME});
 *                    -1 when the server has none (no change since the table was opened)
 * @param recent      whether that time is within the last {@link AnswerCache#RECENT_SECONDS}
 *                    seconds of the server's clock: a second change in the same second would not
 *                    move {@code updateTime}, so a recently changed table counts as changed at
 *                    every check until the second has safely passed
 * @param maxId       the table's highest id (-1: empty, or not asked): an insert that commits
 *                    after a long transaction changes it even if {@code updateTime} does not move
 */
public record TableStamp(String table, long updateTime, boolean recent, long maxId) {
    public TableStamp {
        Objects.requireNonNull(table, "table");
    }
}
