package org.dialerd.eccp.codec;

import java.util.Objects;

/**
 * A packet the codec could not turn into an {@link EccpRequest}. It travels down the pipeline as
 * a message, like a request, so the handler answers it in order with the protocol's own reply:
 * {@code <response><failure><code>400</code><message>Bad request</message></failure></response>}
 * (no id).
 *
 * @param reason what was wrong, for the log; never sent to the client
 * @param fatal  true when the byte stream can no longer be trusted (not well-formed XML, root other
 *               than {@code request}, a limit exceeded): the handler answers and then closes, and the
 *               frame decoder has already discarded everything after the fault. False for a
 *               well-formed {@code request} of the wrong shape: the connection stays open.
 */
public record DecodeFailure(String reason, boolean fatal) {
    public DecodeFailure {
        Objects.requireNonNull(reason, "reason");
    }

    static DecodeFailure fatal(String reason) {
        return new DecodeFailure(reason, true);
    }

    static DecodeFailure recoverable(String reason) {
        return new DecodeFailure(reason, false);
    }
}
