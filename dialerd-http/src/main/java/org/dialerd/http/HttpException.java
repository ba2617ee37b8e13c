package org.dialerd.http;

import org.dialerd.core.DialerdException;

/** The HTTP listener could not do what it was asked (bind its port). Keeps the cause. */
public final class HttpException extends DialerdException {
    public HttpException(String message, Throwable cause) {
        super(message, cause);
    }
}
