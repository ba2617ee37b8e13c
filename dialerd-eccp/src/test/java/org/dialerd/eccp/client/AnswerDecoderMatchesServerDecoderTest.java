package org.dialerd.eccp.client;

import static org.dialerd.eccp.client.AnswerDecoderTest.decode;
import static org.dialerd.eccp.client.AnswerDecoderTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.dialerd.eccp.codec.DecodeFailure;
import org.dialerd.eccp.codec.EccpFrameDecoder;
import org.dialerd.eccp.testing.HostileXml;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's {@link AnswerDecoder} against the server's {@link EccpFrameDecoder} (Aalto) on the same
 * bytes: the same elements, and a failure where the server's decoder fails (the reasons' words may
 * differ). Hand-picked edge cases, then seeded hostile input ({@link HostileXml}) cut at random.
 * Replay a failure with {@code -Ddialerd.fuzz.seed=<seed>}.
 */
class AnswerDecoderMatchesServerDecoderTest {
    private static final long SEED = Long.getLong("dialerd.fuzz.seed", 20261202L);
    private static final int MAX_PACKET = 16 * 1024;
    private static final int ITERATIONS = 3_000;

    @ParameterizedTest
    @ValueSource(strings = {
            // accepted
            "<request id=\"1\"><login><username>agentconsole</username></login></request>\n",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r><f>Campa&#xF1;a &#241; &#x1F600;</f></r>",
            "<?xml version='1.0' standalone='yes'?><r/>",
            "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\" ?>\n\n<r/>",
            "\uFEFF<?xml version=\"1.0\"?><r/>",
            "<!-- c --><?pi x?>\n<r>\n  <!-- c --><a/>\n</r>",
            "<r id=\"a&amp;b &lt;1&gt; &quot;q&quot; &apos;\"/>",
            "<r a=\"x\ty\nz\r\nw\rv\"/>",
            "<r a=\"&#10;&#9;&#13;\"/>",
            "<r>a\r\nb\rc\n\rd&#13;</r>",
            "<r><![CDATA[<x>&amp;]]]]></r>",
            "<r><![CDATA[a\r\nb]]>c</r>",
            "<r>]]</r>",
            "<r>]</r>",
            "<r>a]b]]c</r>",
            "<r>text<a/>more</r>",
            "<r xmlns=\"urn:d\" xmlns:p=\"urn:x\"><p:a p:b=\"1\" xml:lang=\"es\"/></r>",
            "<r a = \"1\"   b='2' ></r >",
            "<r><a><b/></a ></r>",
            "<?pi?><r/>",
            "<?pi ?? >?><r><?pi a?b?></r>",
            "<r><!----></r>",
            "<r><!-- - --></r>",
            "<_a.b-c:d xmlns:_a.b-c=\"u\"/>",
            "<r>\u00e9\u4e2d</r>",
            "<r\u00e9 a\u00e9=\"\u00e9\"/>",
            "<r>&#x10FFFF;&#xD7FF;&#xE000;&#xFFFD;</r>",
            // refused
            "<r>\u0001</r>", "<r>&#1;</r>", "<r>&#xD800;</r>", "<r>&#xFFFE;</r>", "<r>&#x110000;</r>", "<r>&#;</r>",
            "<r>&#x;</r>", "<r>&#12a;</r>", "<r a=\"1\" a=\"2\"/>", "<r>&bogus</r>", "<r>&bogus;</r>", "<r>&;</r>",
            "<r>]]></r>", "<r a=c/>", "<r a=\"1\"b=\"2\"/>", "<r a/>", "<r a=/>", "<r a=\"<\"/>", "< r/>", "<r / >",
            "<1r/>", "<r><1/></r>", "<r></r x>", "<r></r\n>", "<r><!-- a -- b --></r>", "<r><!-- a --->",
            "<r><!- x --></r>", "<![CDATA[x]]><r/>", "<r><![CDAT[x]]></r>", "<r/><r/>", "text<r/>", "<r/>text",
            "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><r/>", "<r><?xml version=\"1.0\"?></r>",
            "<!-- c --><?xml version=\"1.0\"?><r/>", "\n<?xml version=\"1.0\"?><r/>", "<?xml?><r/>",
            "<?xml encoding=\"UTF-8\"?><r/>", "<?xml version=\"2.0\"?><r/>", "<?xml version=\"1.0\" standalone=\"maybe\"?><r/>",
            "<?xml version=\"1.0\"encoding=\"UTF-8\"?><r/>", "<?XML version=\"1.0\"?><r/>", "<r><?xMl x?></r>", "<? x?><r/>",
            "<p:r/>", "<r p:a=\"1\"/>", "<r xmlns:p=\"\"/>", "<:r/>", "<r: xmlns:r=\"u\"/>", "<a:b:c xmlns:a=\"u\"/>",
            "<r xmlns:p=\"u\"><p:a/></r><p:b/>", "<r xmlns:p=\"u\"/>\n<p:a/>",
            "<r>\uFFFF</r>", "<!DOCTYPE r><r/>", "<r><!ELEMENT r ANY></r>",
            "<r>\u0000</r>", "<r>\u007f</r>"})
    void agreesOnEdgeCasesWholeAndSplitAtEveryByte(String input) {
        byte[] bytes = utf8(input);
        List<String> server = described(decode(new EccpFrameDecoder(MAX_PACKET), bytes, false));
        assertEquals(server, described(decode(new AnswerDecoder(MAX_PACKET), bytes, false)), input);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertEquals(server, described(decode(new AnswerDecoder(MAX_PACKET), bytes, cut % 2 == 0, cut)),
                    input + " cut at " + cut);
        }
    }

    @Test
    void agreesOnInvalidUtf8() {
        byte[][] inputs = {
                {'<', 'r', '>', (byte) 0xC3, '(', '<', '/', 'r', '>'},
                {'<', 'r', '>', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '<', '/', 'r', '>'},
                {'<', 'r', '>', (byte) 0xFF, '<', '/', 'r', '>'},
                {'<', 'r', '>', (byte) 0x80, '<', '/', 'r', '>'},
                {'<', 'r', '>', (byte) 0xC3, (byte) 0xB1, '<', '/', 'r', '>'}};
        for (byte[] input : inputs) {
            List<String> server = described(decode(new EccpFrameDecoder(MAX_PACKET), input, false));
            assertEquals(server, described(decode(new AnswerDecoder(MAX_PACKET), input, false)), Arrays.toString(input));
        }
    }

    @Test
    void agreesOnSeededHostileInputCutAtRandom() {
        Random random = new Random(SEED);
        HostileXml hostile = new HostileXml(random, "file:///etc/passwd", MAX_PACKET);
        for (int i = 0; i < ITERATIONS; i++) {
            HostileXml.Sample sample = hostile.next();
            byte[] input = sample.bytes();
            if (random.nextInt(4) == 0) {
                byte[] second = utf8(HostileXml.VALID.get(random.nextInt(HostileXml.VALID.size())));
                input = Arrays.copyOf(input, input.length + second.length);
                System.arraycopy(second, 0, input, sample.bytes().length, second.length);
            }
            String context = "seed " + SEED + ", iteration " + i + ", " + sample.kind() + ": "
                    + new String(input, 0, Math.min(input.length, 300), StandardCharsets.ISO_8859_1);
            List<String> server = described(decode(new EccpFrameDecoder(MAX_PACKET), input, false));
            int[] cuts = input.length < 2 ? new int[0]
                    : random.ints(random.nextInt(Math.min(input.length - 1, 12)) + 1, 1, input.length)
                            .sorted().distinct().toArray();
            assertEquals(server, described(decode(new AnswerDecoder(MAX_PACKET), input, random.nextBoolean(), cuts)),
                    context + " cut at " + Arrays.toString(cuts));
            if (sample.kind().refused()) {
                assertTrue(server.get(server.size() - 1).equals("failure"), context);
            }
        }
    }

    private static List<String> described(List<Object> messages) {
        List<String> described = new ArrayList<>();
        for (Object message : messages) {
            if (message instanceof XmlElement element) {
                described.add("element " + element);
            } else if (message instanceof DecodeFailure failure && failure.fatal()) {
                described.add("failure");
            } else {
                described.add("unexpected " + message);
            }
        }
        return described;
    }
}
