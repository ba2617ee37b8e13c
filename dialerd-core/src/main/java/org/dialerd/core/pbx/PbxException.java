package org.dialerd.core.pbx;

import org.dialerd.core.DialerdException;

/** An action could not be carried out: no AMI connection, a timeout, or the connection broke. */
public class PbxException extends DialerdException {
    public PbxException(String message) {
        super(message);
    }

    public PbxException(String message, Throwable cause) {
        super(message, cause);
    }
}
