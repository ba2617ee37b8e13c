package org.dialerd.server.config;

import org.dialerd.core.DialerdException;

/** The configuration cannot be used; the message names the key and the bad value. */
public final class ConfigException extends DialerdException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
