package org.dialerd.core.store;

import org.dialerd.core.DialerdException;

/** The database could not be reached or refused a statement; ECCP answers 503. */
public class StoreException extends DialerdException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
