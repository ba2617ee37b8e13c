package org.dialerd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnswerReaderTest {
    private static final String OK = "<?xml version=\"1.0\"?>\n<response id=\"1\"><getpauses_response/></response>\n";
    private static final String FAILED = "<?xml version=\"1.0\"?>\n<response id=\"2\"><failure><code>401</code>"
            + "<message>Unauthorized</message></failure></response>\n";

    /** Hands out one byte per read: every answer arrives split at every byte. */
    private static InputStream trickle(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void readsAnswerByAnswerAndTellsTheFailedOnes() throws IOException {
        AnswerReader reader = new AnswerReader(trickle(OK + FAILED + OK), true);

        assertFalse(reader.next());
        assertTrue(reader.next());
        assertFalse(reader.next());
        assertEquals(1, reader.failures());
        assertEquals(FAILED.strip(), reader.lastFailure().strip());
        assertThrows(IOException.class, reader::next, "the connection ended");
    }
}
