package org.dialerd.db.journal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class JdbcIdBlockSourceTest {
    @Test
    void aDeadlockOrALockTimeoutIsTriedAgainAndNothingElseIs() {
        assertTrue(JdbcIdBlockSource.retryable(new SQLTransactionRollbackException("Deadlock found", "40001", 1213)));
        assertTrue(JdbcIdBlockSource.retryable(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertFalse(JdbcIdBlockSource.retryable(new SQLIntegrityConstraintViolationException("dup", "23000", 1062)));
        assertFalse(JdbcIdBlockSource.retryable(new SQLException("Connection refused", "08000", -1)));
    }
}
