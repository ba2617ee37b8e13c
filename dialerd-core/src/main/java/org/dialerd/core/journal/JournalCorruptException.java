package org.dialerd.core.journal;

import org.dialerd.core.DialerdException;

/** A journal frame that passed its CRC but cannot be decoded (a newer dialerd's record, or a bug). */
public final class JournalCorruptException extends DialerdException {
    public JournalCorruptException(String message) {
        super(message, null);
    }

    public JournalCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
