package org.dialerd.core.journal;

import org.dialerd.core.DialerdException;

/**
 * The database refused a record for a reason retrying cannot fix (a constraint: the campaign
 * was deleted while its calls were live; a value the column rejects). The record goes to the
 * dead-letter file and the writes behind it go on.
 */
public final class RejectedWriteException extends DialerdException {
    public RejectedWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
