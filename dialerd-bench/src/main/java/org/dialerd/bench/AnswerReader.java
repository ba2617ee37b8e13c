package org.dialerd.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads ECCP answers off a socket by bytes, without parsing them: up to the next
 * {@code </response>}, noting whether the answer holds {@code <failure><code>}. Optionally keeps
 * the text of the last answer that failed (for the report). The lean clients' reader
 * ({@link LeanDriver}, {@link RequestResponseLoad}); a connection without events only.
 */
final class AnswerReader {
    private static final byte[] END = "</response>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAILURE = "<failure><code>".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final StringBuilder answer;
    private int position;
    private int limit;
    private long failures;
    private String lastFailure = "";

    /** {@code keepFailures}: keep the last failed answer's text ({@link #lastFailure}). */
    AnswerReader(InputStream in, boolean keepFailures) {
        this.in = in;
        this.answer = keepFailures ? new StringBuilder() : null;
    }

    /** Reads one answer; returns whether it carried a failure. */
    boolean next() throws IOException {
        if (answer != null) {
            answer.setLength(0);
        }
        int end = 0;
        int failure = 0;
        boolean failed = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit < 0) {
                    throw new IOException("server closed the connection");
                }
            }
            byte b = buffer[position++];
            if (answer != null) {
                answer.append((char) b);
            }
            if (!failed) {
                failure = b == FAILURE[failure] ? failure + 1 : (b == FAILURE[0] ? 1 : 0);
                failed = failure == FAILURE.length;
            }
            end = b == END[end] ? end + 1 : (b == END[0] ? 1 : 0);
            if (end == END.length) {
                if (failed) {
                    failures++;
                    if (answer != null) {
                        lastFailure = answer.toString();
                    }
                }
                return failed;
            }
        }
    }

    long failures() {
        return failures;
    }

    String lastFailure() {
        return lastFailure;
    }
}
