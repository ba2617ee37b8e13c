package org.dialerd.eccp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dialerd.eccp.testing.HostileXml;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the frame decoder on an EmbeddedChannel: thousands of mutated, truncated and
 * hostile inputs, each fed whole and cut into random reads, heap and direct. Invariants: it never
 * throws; it yields only elements and failures; nothing follows a fatal failure; the result does
 * not depend on how the bytes were cut; every hostile kind that must be refused is refused.
 *
 * <p>Replay a failure with {@code -Ddialerd.fuzz.seed=<seed printed in the message>}.
 */
class EccpFrameDecoderFuzzTest {
    private static final long SEED = Long.getLong("dialerd.fuzz.seed", 20261122L);
    private static final int ITERATIONS = 4_000;
    private static final long TIME_BUDGET_MILLIS = 4_000;
    /** Always run, whatever the machine's load: the time budget only bounds the iterations past these. */
    private static final int MIN_ITERATIONS = 500;
    private static final int MAX_PACKET = 16 * 1024;
    private static final byte[] PROBE = {0x01};

    @Test
    void decoderOutputDoesNotDependOnHowHostileInputIsCut() {
        Random random = new Random(SEED);
        HostileXml hostile = new HostileXml(random, "file:///etc/passwd", MAX_PACKET);
        long deadline = System.currentTimeMillis() + TIME_BUDGET_MILLIS;
        int done = 0;
        for (; done < ITERATIONS && (done < MIN_ITERATIONS || System.currentTimeMillis() < deadline); done++) {
            HostileXml.Sample sample = hostile.next();
            // Two packets back to back: framing must hand the second one over intact.
            byte[] input = random.nextInt(4) == 0 ? concat(sample.bytes(), HostileXml.utf8(HostileXml.VALID.get(1)))
                    : sample.bytes();
            String context = "seed " + SEED + ", iteration " + done + ", " + sample.kind() + ": "
                    + abbreviate(new String(input, java.nio.charset.StandardCharsets.ISO_8859_1));
            List<String> whole = decode(input, new int[0], false, context);
            int[] cuts = randomCuts(random, input.length);
            List<String> split = decode(input, cuts, random.nextBoolean(), context);
            assertEquals(whole, split, context + " " + Inbound.describeCuts(cuts));
            if (sample.kind().refused()) {
                assertEquals("failure", whole.get(whole.size() - 1), "must be refused: " + context);
            }
            // A byte that XML forbids everywhere must end every input with a failure, never a wait.
            List<String> probed = decode(concat(input, PROBE), randomCuts(random, input.length + 1), false, context);
            assertTrue(!probed.isEmpty() && probed.get(probed.size() - 1).equals("failure"),
                    "input + 0x01 must be refused, not waited for: " + context + " -> " + probed);
        }
    }

    @Test
    void validRequestsSurviveEveryCut() {
        Random random = new Random(SEED + 1);
        for (String valid : HostileXml.VALID) {
            byte[] bytes = HostileXml.utf8(valid);
            List<String> whole = decode(bytes, new int[0], false, valid);
            assertEquals(1, whole.size(), valid);
            assertTrue(whole.get(0).startsWith("element "), valid + " -> " + whole);
            for (int i = 0; i < 200; i++) {
                int[] cuts = randomCuts(random, bytes.length);
                assertEquals(whole, decode(bytes, cuts, i % 2 == 0, valid), Inbound.describeCuts(cuts));
            }
        }
    }

    /** Each decoded message as a comparable string: "element <xml>" or "failure". */
    private static List<String> decode(byte[] input, int[] cuts, boolean direct, String context) {
        Inbound inbound = direct ? Inbound.framesFromDirectBuffers(MAX_PACKET) : Inbound.frames(MAX_PACKET);
        List<Object> messages = new ArrayList<>();
        try {
            messages.addAll(inbound.readSplitAt(input, cuts));
            messages.addAll(inbound.close());
        } catch (RuntimeException e) {
            fail("decoder threw on " + context + " " + Inbound.describeCuts(cuts), e);
        }
        List<String> described = new ArrayList<>();
        for (Object message : messages) {
            if (!described.isEmpty() && described.get(described.size() - 1).equals("failure")) {
                fail("output after a fatal failure: " + context);
            }
            if (message instanceof XmlElement element) {
                described.add("element " + element);
            } else if (message instanceof DecodeFailure failure) {
                assertTrue(failure.fatal(), "the frame decoder's failures are fatal: " + failure);
                described.add("failure");
            } else {
                fail("unexpected message " + message + " for " + context);
            }
        }
        return described;
    }

    private static int[] randomCuts(Random random, int length) {
        if (length < 2) {
            return new int[0];
        }
        int count = random.nextInt(Math.min(length - 1, 12)) + 1;
        return random.ints(count, 1, length).sorted().distinct().toArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " bytes)";
    }
}
