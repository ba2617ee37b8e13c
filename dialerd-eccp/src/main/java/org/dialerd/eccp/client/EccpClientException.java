package org.dialerd.eccp.client;

/** The client could not talk to the server (connection, timeout, unexpected packet). */
public final class EccpClientException extends RuntimeException {
    public EccpClientException(String message) {
        super(message);
    }

    public EccpClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
