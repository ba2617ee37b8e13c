package org.dialerd.core;

/** Root of the exceptions dialerd's core raises; always carries its cause when there is one. */
public class DialerdException extends RuntimeException {
    public DialerdException(String message) {
        super(message);
    }

    public DialerdException(String message, Throwable cause) {
        super(message, cause);
    }
}
