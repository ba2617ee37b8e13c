package org.dialerd.db;

/**
 * The one exception of dialerd-db: a database operation failed. It always carries the
 * underlying cause (an {@link java.sql.SQLException}, an I/O error, a failure of the
 * embedded server) and a message that says what dialerd was doing.
 */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, java.util.Objects.requireNonNull(cause, "cause"));
    }
}
