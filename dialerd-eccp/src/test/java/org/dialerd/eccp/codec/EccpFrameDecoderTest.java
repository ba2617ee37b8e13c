package org.dialerd.eccp.codec;

import static org.dialerd.eccp.codec.Inbound.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EccpFrameDecoderTest {
    private static final int MAX = EccpFrameDecoder.DEFAULT_MAX_PACKET_BYTES;

    static Stream<Arguments> samplePackets() {
        return Stream.of(
                Arguments.of("login as the PHP client sends it",
                        "<request id=\"1\"><login><username>agentconsole</username>"
                                + "<password>7e53aa92f7566f44f39f3f1842832581</password></login></request>\n",
                        request("1", XmlElement.of("login", XmlElement.text("username", "agentconsole"),
                                XmlElement.text("password", "7e53aa92f7566f44f39f3f1842832581")))),
                Arguments.of("declaration without encoding",
                        "<?xml version=\"1.0\"?>\n<request id=\"8\"><getpauses/></request>\n",
                        request("8", XmlElement.empty("getpauses"))),
                Arguments.of("declaration with encoding, character reference",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<request id=\"3\"><getcampaignlist>"
                                + "<filtername>Campa&#xF1;a</filtername></getcampaignlist></request>\n",
                        request("3", XmlElement.of("getcampaignlist", XmlElement.text("filtername", "Campaña")))),
                Arguments.of("whitespace and a comment between elements, no trailing newline",
                        "<request id=\"2\">\n  <!-- c -->\n  <getqueuescript>\n    <queue>8001</queue>\n"
                                + "  </getqueuescript>\n</request>",
                        request("2", XmlElement.of("getqueuescript", XmlElement.text("queue", "8001")))),
                Arguments.of("escaped id",
                        "<request id=\"a&amp;b &lt;1&gt; &quot;q&quot;\"><getqueuescript><queue>8001</queue>"
                                + "</getqueuescript></request>\n",
                        request("a&b <1> \"q\"", XmlElement.of("getqueuescript", XmlElement.text("queue", "8001")))),
                Arguments.of("raw UTF-8 of two, three and four bytes",
                        "<request id=\"9\"><saveformdata><value>Ba\u00f1o \u2026 \uD83D\uDE00</value>"
                                + "</saveformdata></request>\r\n",
                        request("9", XmlElement.of("saveformdata",
                                XmlElement.text("value", "Baño … \uD83D\uDE00")))),
                Arguments.of("byte order mark before the declaration",
                        "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><request id=\"4\"><getpauses/></request>\n",
                        request("4", XmlElement.empty("getpauses"))),
                Arguments.of("self-closing root after whitespace",
                        "\r\n\t <request id=\"6\"/>",
                        XmlElement.builder("request").attribute("id", "6").build()),
                Arguments.of("markup characters inside attribute values, CDATA and processing instructions",
                        "<?xml version='1.0'?><!--a-->\n<?app x>y?><request id='x>y/'><a b=\"/>\"><![CDATA[</a>]]>"
                                + "</a><?app x/>?></request>",
                        XmlElement.builder("request").attribute("id", "x>y/")
                                .add(XmlElement.builder("a").attribute("b", "/>").text("</a>").build()).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePackets")
    void decodesSamplePacketInOneRead(String description, String packet, XmlElement expected) {
        assertEquals(List.of(expected), Inbound.frames(MAX).read(packet));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePackets")
    void decodesSamplePacketSplitAtEveryByte(String description, String packet, XmlElement expected) {
        byte[] bytes = utf8(packet);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertEquals(List.of(expected), Inbound.frames(MAX).readSplitAt(bytes, cut), Inbound.describeCuts(cut));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePackets")
    void decodesSamplePacketSplitInThreeReadsWithASmallMiddlePieceAnywhere(String description, String packet,
            XmlElement expected) {
        byte[] bytes = utf8(packet);
        for (int first = 1; first < bytes.length; first++) {
            for (int second = first; second < Math.min(bytes.length, first + 6); second++) {
                assertEquals(List.of(expected), Inbound.frames(MAX).readSplitAt(bytes, first, second),
                        Inbound.describeCuts(first, second));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePackets")
    void decodesSamplePacketArrivingByteByByte(String description, String packet, XmlElement expected) {
        assertEquals(List.of(expected), readByteByByte(Inbound.frames(MAX), utf8(packet)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePackets")
    void decodesSamplePacketFromDirectBuffersByteByByte(String description, String packet, XmlElement expected) {
        assertEquals(List.of(expected), readByteByByte(Inbound.framesFromDirectBuffers(MAX), utf8(packet)));
    }

    @Test
    void decodesALargePacketFromADirectBufferInOneRead() {
        String value = "\u00f1".repeat(20_000);
        String packet = "<request id=\"1\"><saveformdata><value>" + value + "</value></saveformdata></request>\n";

        List<Object> decoded = Inbound.framesFromDirectBuffers(MAX).read(packet + packet);

        XmlElement expected = request("1", XmlElement.of("saveformdata", XmlElement.text("value", value)));
        assertEquals(List.of(expected, expected), decoded);
    }

    @Test
    void emitsThePacketExactlyWhenItsRootCloses() {
        byte[] bytes = utf8("<?xml version=\"1.0\"?>\n<request id=\"8\"><getpauses/></request>\n");
        int rootEnd = bytes.length - 1;
        Inbound inbound = Inbound.frames(MAX);

        for (int i = 0; i < bytes.length; i++) {
            int decoded = inbound.read(bytes, i, i + 1).size();
            assertEquals(i == rootEnd - 1 ? 1 : 0, decoded, "after byte " + i);
        }
    }

    @Test
    void waitsForAnIncompletePacketAndAnswersWhenTheRestArrives() {
        Inbound inbound = Inbound.frames(MAX);

        assertEquals(List.of(), inbound.read("<request id=\"2\"><getpauses/>"));
        assertEquals(List.of(request("2", XmlElement.empty("getpauses"))), inbound.read("</request>\n"));
    }

    @Test
    void decodesManyPacketsArrivingInOneRead() {
        StringBuilder stream = new StringBuilder();
        List<XmlElement> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i % 3 == 0) {
                stream.append("<?xml version=\"1.0\"?>\n");
            } else if (i % 3 == 1) {
                stream.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            }
            stream.append("<request id=\"").append(i).append("\"><getpauses/></request>");
            stream.append(i % 2 == 0 ? "\n" : "");
            expected.add(request(String.valueOf(i), XmlElement.empty("getpauses")));
        }

        assertEquals(expected, Inbound.frames(MAX).read(stream.toString()));
    }

    @Test
    void decodesPipelinedPacketsSplitAtEveryByte() {
        byte[] bytes = utf8("<request id=\"2\"><getpauses/></request>\n<?xml version=\"1.0\"?>\n"
                + "<request id=\"3\"><getincomingqueuelist/></request>\n");
        List<XmlElement> expected = List.of(request("2", XmlElement.empty("getpauses")),
                request("3", XmlElement.empty("getincomingqueuelist")));
        for (int cut = 1; cut < bytes.length; cut++) {
            assertEquals(expected, Inbound.frames(MAX).readSplitAt(bytes, cut), Inbound.describeCuts(cut));
        }
    }

    @Test
    void keepsTextUntrimmedWithEntitiesReferencesAndCdataDecoded() {
        List<Object> decoded = Inbound.frames(MAX)
                .read("<a>  x &amp; &lt;&gt;&quot;&apos; &#xF1;&#241; <![CDATA[<b>&amp;]]>\n </a>");

        assertEquals(List.of(XmlElement.text("a", "  x & <>\"' ññ <b>&amp;\n ")), decoded);
    }

    @Test
    void keepsOnlyChildElementsWhenAnElementAlsoHasText() {
        List<Object> decoded = Inbound.frames(MAX).read("<a>\n  before <b>1</b> between <c/> after\n</a>");

        assertEquals(List.of(XmlElement.of("a", XmlElement.text("b", "1"), XmlElement.empty("c"))), decoded);
    }

    @Test
    void keepsAttributesInDocumentOrderWithValuesDecoded() {
        XmlElement field = (XmlElement) Inbound.frames(MAX)
                .read("<field order=\"1\" id='3' name=\"Ba&#xF1;o &amp; c\"/>").get(0);

        assertEquals(List.of("order", "id", "name"), List.copyOf(field.attributes().keySet()));
        assertEquals("Baño & c", field.attribute("name").orElseThrow());
    }

    @Test
    void keepsPrefixedNamesAsWritten() {
        XmlElement root = (XmlElement) Inbound.frames(MAX)
                .read("<request id=\"1\" xmlns:p=\"urn:x\"><p:getpauses p:a=\"1\"/></request>").get(0);

        assertEquals(request("1", XmlElement.builder("p:getpauses").attribute("p:a", "1").build()), root);
    }

    @Test
    void answersAMismatchedEndTagAtOnce() {
        List<Object> decoded = Inbound.frames(MAX).read("<request id=\"x\"><getpauses></request>");

        DecodeFailure failure = assertInstanceOf(DecodeFailure.class, decoded.get(0));
        assertTrue(failure.fatal());
        assertTrue(failure.reason().startsWith("not well-formed: "), failure.reason());
        assertTrue(failure.reason().contains("getpauses"), failure.reason());
    }

    @Test
    void answersAMismatchedEndTagAtOnceWhenItArrivesByteByByte() {
        byte[] bytes = utf8("<request id=\"x\"><getpauses></request>");
        Inbound inbound = Inbound.frames(MAX);
        int firstFailureAt = -1;
        for (int i = 0; i < bytes.length && firstFailureAt < 0; i++) {
            if (!inbound.read(bytes, i, i + 1).isEmpty()) {
                firstFailureAt = i;
            }
        }

        // "</r" already contradicts "<getpauses>": the failure comes with that 'r', not with the final '>'.
        assertEquals("<request id=\"x\"><getpauses></r".length() - 1, firstFailureAt);
    }

    @Test
    void answersAMismatchedShortEndTagAtTheEndOfAPacketAtOnce() {
        List<Object> decoded = Inbound.frames(MAX).read("<a><b></a>\n");

        assertEquals(List.of(new DecodeFailure("not well-formed: end tag does not match <b>", true)), decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"this is not xml\n", "t", "hello <request id=\"1\"><getpauses/></request>",
            "<request id=\"1\"><getpauses/></request> trailing garbage"})
    void answersGarbageAtOnce(String input) {
        List<Object> decoded = Inbound.frames(MAX).read(input);

        DecodeFailure failure = assertInstanceOf(DecodeFailure.class, decoded.get(decoded.size() - 1));
        assertTrue(failure.fatal());
        assertTrue(failure.reason().startsWith("not well-formed"), failure.reason());
    }

    @Test
    void answersAnEndTagWithoutStartTag() {
        DecodeFailure failure = (DecodeFailure) Inbound.frames(MAX).read("</request>").get(0);

        assertTrue(failure.fatal());
    }

    @Test
    void discardsEverythingAfterAFailure() {
        Inbound inbound = Inbound.frames(MAX);

        List<Object> first = inbound.read("<a></b><request id=\"1\"><getpauses/></request>");
        List<Object> later = inbound.read("<request id=\"2\"><getpauses/></request>");

        assertEquals(1, first.size());
        assertInstanceOf(DecodeFailure.class, first.get(0));
        assertEquals(List.of(), later);
    }

    @Test
    void emitsNothingForWhitespaceAlone() {
        Inbound inbound = Inbound.frames(MAX);

        assertEquals(List.of(), inbound.read(" \r\n\t\n"));
        assertEquals(List.of(XmlElement.empty("a")), inbound.read("\n<a/>"));
    }

    @Test
    void emitsNothingForAnIncompletePacketWhenTheClientDisconnects() {
        Inbound inbound = Inbound.frames(MAX);

        inbound.read("<request id=\"2\"><getpauses/>");

        assertEquals(List.of(), inbound.close());
    }

    @Test
    void acceptsAPacketOfExactlyTheLimit() {
        String packet = padded(64);

        assertEquals(List.of(XmlElement.text("a", "x".repeat(57))), Inbound.frames(64).read(packet));
    }

    @Test
    void refusesAPacketOneByteOverTheLimitNamingTheLimit() {
        List<Object> decoded = Inbound.frames(64).read(padded(65));

        assertEquals(List.of(new DecodeFailure("packet exceeds 64 bytes", true)), decoded);
    }

    @Test
    void refusesAnOversizedPacketWithoutWaitingForItsEnd() {
        Inbound inbound = Inbound.frames(64);

        assertEquals(List.of(), inbound.read("<a>" + "x".repeat(60)));
        assertEquals(List.of(new DecodeFailure("packet exceeds 64 bytes", true)), inbound.read("x"));
    }

    @Test
    void refusesTheDefaultOneMebibyteOverrun() {
        Inbound inbound = Inbound.framesFromDirectBuffers(MAX);
        inbound.read("<request id=\"1\"><saveformdata><value>");
        byte[] chunk = utf8("y".repeat(64 * 1024));
        List<Object> decoded = new ArrayList<>();
        for (int i = 0; i < 17 && decoded.isEmpty(); i++) {
            decoded.addAll(inbound.read(chunk));
        }

        assertEquals(List.of(new DecodeFailure("packet exceeds 1048576 bytes", true)), decoded);
    }

    @Test
    void countsTheLimitPerPacketFromItsFirstByte() {
        String packet = padded(64);

        List<Object> decoded = Inbound.frames(64).read("\n\n\n   " + packet + "\n\n" + packet + packet);

        assertEquals(3, decoded.size());
        decoded.forEach(element -> assertInstanceOf(XmlElement.class, element));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE request><request id=\"1\"><getpauses/></request>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<request id=\"1\"><a>&x;</a></request>",
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                    + "<lolz>&lol2;</lolz>",
            "<request id=\"1\"><!DOCTYPE x></request>"})
    void refusesDoctypeSoNoExternalOrExpandingEntities(String input) {
        List<Object> decoded = Inbound.frames(MAX).read(input);

        DecodeFailure failure = assertInstanceOf(DecodeFailure.class, decoded.get(0));
        assertTrue(failure.fatal());
        assertTrue(failure.reason().contains("DOCTYPE"), failure.reason());
        assertEquals(1, decoded.size());
    }

    /**
     * A client that declares ISO-8859-1 (a PHP client on a Latin-1 system) sends its accents as single
     * bytes; the declared encoding is honoured, as libxml does in the reference. So no UTF-8 check may
     * run on the bytes before the parser has read the declaration.
     */
    @Test
    void readsADeclaredLatin1Request() {
        byte[] head = utf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><request id=\"1\"><a>Caf");
        byte[] tail = utf8("</a></request>");
        byte[] input = Arrays.copyOf(head, head.length + 1 + tail.length);
        input[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, input, head.length + 1, tail.length);

        List<Object> decoded = Inbound.frames(MAX).read(input);

        XmlElement request = assertInstanceOf(XmlElement.class, decoded.get(0));
        assertEquals("Café", request.child("a").orElseThrow().text());
    }

    /** Aalto throws a plain RuntimeException for the reserved xmlns prefix used as an element's prefix. */
    @ParameterizedTest
    @ValueSource(strings = {"<request id=\"1\"><xmlns:r/></request>", "<xmlns:request id=\"1\"/>"})
    void refusesNamesTheParserCannotTakeAsMalformedInsteadOfThrowing(String input) {
        List<Object> decoded = Inbound.frames(MAX).read(input);

        DecodeFailure failure = assertInstanceOf(DecodeFailure.class, decoded.get(0));
        assertTrue(failure.fatal());
        assertTrue(failure.reason().startsWith("not well-formed"), failure.reason());
        assertEquals(1, decoded.size());
    }

    @Test
    void refusesADoctypeAsSoonAsItsFirstLetterArrives() {
        Inbound inbound = Inbound.frames(MAX);

        assertEquals(List.of(), inbound.read("<!"));
        assertInstanceOf(DecodeFailure.class, inbound.read("D").get(0));
    }

    @Test
    void refusesUndeclaredEntities() {
        DecodeFailure failure = (DecodeFailure) Inbound.frames(MAX)
                .read("<request id=\"1\"><a>&x;</a></request>").get(0);

        assertTrue(failure.fatal());
        assertTrue(failure.reason().contains("x"), failure.reason());
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = {'<', 'a', '>', (byte) 0xC3, '(', '<', '/', 'a', '>'};

        assertInstanceOf(DecodeFailure.class, Inbound.frames(MAX).read(bytes).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<a>\u0001</a>", "<a>&#1;</a>", "<a b=\"1\" b=\"2\"/>", "<a><b></a>", "<a>&bogus</a>",
            "<a>]]></a>",
            "<a b=c/>"})
    void refusesInputThatIsNotWellFormed(String input) {
        List<Object> decoded = Inbound.frames(MAX).read(input);

        assertTrue(decoded.stream().anyMatch(m -> m instanceof DecodeFailure f && f.fatal()), decoded.toString());
    }

    @Test
    void acceptsNestingUpToTheDepthLimit() {
        int depth = EccpFrameDecoder.MAX_DEPTH;
        String xml = "<a>".repeat(depth) + "</a>".repeat(depth);

        assertInstanceOf(XmlElement.class, Inbound.frames(MAX).read(xml).get(0));
    }

    @Test
    void refusesNestingBeyondTheDepthLimitNamingTheLimit() {
        String xml = "<a>".repeat(EccpFrameDecoder.MAX_DEPTH + 1);

        DecodeFailure failure = (DecodeFailure) Inbound.frames(MAX).read(xml).get(0);

        assertTrue(failure.reason().contains(String.valueOf(EccpFrameDecoder.MAX_DEPTH)), failure.reason());
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new EccpFrameDecoder(0));
    }

    private static List<Object> readByteByByte(Inbound inbound, byte[] bytes) {
        List<Object> decoded = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            decoded.addAll(inbound.read(bytes, i, i + 1));
        }
        return decoded;
    }

    /** {@code <a>xxx…</a>} of exactly {@code length} bytes. */
    private static String padded(int length) {
        return "<a>" + "x".repeat(length - 7) + "</a>";
    }

    private static XmlElement request(String id, XmlElement body) {
        return XmlElement.builder("request").attribute("id", id).add(body).build();
    }

    @Test
    void firstByteOfAByteOrderMarkFollowedByOtherBytesIsRefusedNotWaitedFor() {
        Inbound inbound = Inbound.frames(MAX);
        assertEquals(List.of(), inbound.read(new byte[] {(byte) 0xEF}));
        List<Object> messages = inbound.read(new byte[] {0x01});
        assertEquals(1, messages.size());
        assertInstanceOf(DecodeFailure.class, messages.get(0));
    }

    @Test
    void twoBytesOfAByteOrderMarkAreWaitedFor() {
        Inbound inbound = Inbound.frames(MAX);
        assertEquals(List.of(), inbound.read(new byte[] {(byte) 0xEF, (byte) 0xBB}));
        List<Object> messages = inbound.read(new byte[] {(byte) 0xBF, '<', 'r', '/', '>'});
        assertEquals(1, messages.size());
        assertInstanceOf(XmlElement.class, messages.get(0));
    }
}
