package org.dialerd.core.store.answers;

import java.util.List;

/**
 * The cheap change check behind {@link AnswerCache}: one statement that reads the server's
 * bookkeeping of the tables the cached answers read (dialerd-db's {@code JdbcChangeSource}).
 */
@FunctionalInterface
public interface ChangeSource {
    /**
     * @throws org.dialerd.core.store.StoreException the database did not answer: the cache stops
     *                                               serving until a later check succeeds
     */
    List<TableStamp> stamps();
}
