package org.dialerd.sim.ami;

import java.io.IOException;

/** A client broke the AMI framing rules; the session answers by closing the connection. */
public final class AmiProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public AmiProtocolException(String message) {
        super(message);
    }
}
