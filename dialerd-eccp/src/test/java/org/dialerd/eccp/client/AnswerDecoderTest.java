package org.dialerd.eccp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.eccp.codec.DecodeFailure;
import org.dialerd.eccp.codec.EccpFrameDecoder;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's answer decoder on an EmbeddedChannel: each write is one TCP read. */
class AnswerDecoderTest {
    private static final int MAX = EccpFrameDecoder.DEFAULT_MAX_PACKET_BYTES;

    static final String CAMPAIGN_LIST = "<?xml version=\"1.0\"?>\n<response id=\"7\"><getcampaignlist_response>"
            + "<campaigns><campaign><id>1</id><type>outgoing</type><name>Campa&#xF1;a cobranza</name>"
            + "<status>active</status></campaign><campaign><id>2</id><type>incoming</type><name>Ba\u00f1o \u2026 "
            + "\uD83D\uDE00</name><status>inactive</status></campaign></campaigns></getcampaignlist_response>"
            + "</response>\n";
    static final String EVENT = "<?xml version=\"1.0\"?>\n<event><agentloggedin><agent>Agent/9000</agent>"
            + "<queues><queue>8000</queue></queues></agentloggedin></event>\n";
    static final String FAILURE = "<?xml version=\"1.0\"?>\n<response><failure><code>400</code>"
            + "<message>Bad request</message></failure></response>\n";

    private static XmlElement campaignList() {
        XmlElement first = XmlElement.of("campaign", XmlElement.text("id", "1"), XmlElement.text("type", "outgoing"),
                XmlElement.text("name", "Campaña cobranza"), XmlElement.text("status", "active"));
        XmlElement second = XmlElement.of("campaign", XmlElement.text("id", "2"), XmlElement.text("type", "incoming"),
                XmlElement.text("name", "Baño … \uD83D\uDE00"), XmlElement.text("status", "inactive"));
        return XmlElement.builder("response").attribute("id", "7")
                .add(XmlElement.of("getcampaignlist_response", XmlElement.of("campaigns", first, second))).build();
    }

    private static XmlElement event() {
        return XmlElement.of("event", XmlElement.of("agentloggedin", XmlElement.text("agent", "Agent/9000"),
                XmlElement.of("queues", XmlElement.text("queue", "8000"))));
    }

    private static XmlElement failure() {
        return XmlElement.of("response", XmlElement.of("failure", XmlElement.text("code", "400"),
                XmlElement.text("message", "Bad request")));
    }

    @Test
    void decodesAnAnswerInOneRead() {
        assertEquals(List.of(campaignList()), decode(new AnswerDecoder(MAX), utf8(CAMPAIGN_LIST), false));
    }

    @Test
    void decodesAnswersAndEventsSplitAtEveryByteFromHeapAndDirectBuffers() {
        byte[] stream = utf8(CAMPAIGN_LIST + EVENT + FAILURE + CAMPAIGN_LIST);
        List<Object> expected = List.of(campaignList(), event(), failure(), campaignList());
        for (boolean direct : new boolean[] {false, true}) {
            for (int cut = 1; cut < stream.length; cut++) {
                assertEquals(expected, decode(new AnswerDecoder(MAX), stream, direct, cut), "cut at " + cut);
            }
        }
    }

    @Test
    void decodesAnAnswerArrivingByteByByte() {
        byte[] bytes = utf8(CAMPAIGN_LIST);
        int[] everyByte = new int[bytes.length - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertEquals(List.of(campaignList()), decode(new AnswerDecoder(MAX), bytes, true, everyByte));
    }

    @Test
    void decodesManyPacketsInOneRead() {
        StringBuilder stream = new StringBuilder();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            stream.append(i % 2 == 0 ? EVENT : CAMPAIGN_LIST);
            expected.add(i % 2 == 0 ? event() : campaignList());
        }
        assertEquals(expected, decode(new AnswerDecoder(MAX), utf8(stream.toString()), false));
    }

    @Test
    void emitsThePacketExactlyWhenItsRootCloses() {
        byte[] bytes = utf8(EVENT);
        EmbeddedChannel channel = new EmbeddedChannel(new AnswerDecoder(MAX));
        int rootEnd = EVENT.lastIndexOf('>');
        for (int i = 0; i < bytes.length; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
            Object decoded = channel.readInbound();
            assertEquals(i == rootEnd, decoded != null, "after byte " + i);
        }
    }

    @Test
    void acceptsAPacketOfExactlyTheLimitAndRefusesOneByteMoreNamingTheLimit() {
        String packet = "<a>" + "x".repeat(57) + "</a>";
        assertEquals(64, packet.length());

        assertEquals(List.of(XmlElement.text("a", "x".repeat(57))),
                decode(new AnswerDecoder(64), utf8("\n\n  " + packet + "\n"), false));
        assertEquals(List.of(new DecodeFailure("packet exceeds 63 bytes", true)),
                decode(new AnswerDecoder(63), utf8(packet), false));
    }

    @Test
    void refusesAnOversizedPacketWithoutWaitingForItsEnd() {
        EmbeddedChannel channel = new EmbeddedChannel(new AnswerDecoder(64));

        channel.writeInbound(Unpooled.wrappedBuffer(utf8("<a>" + "x".repeat(60))));
        assertEquals(null, (Object) channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(utf8("x")));
        assertEquals(new DecodeFailure("packet exceeds 64 bytes", true), channel.readInbound());
    }

    @Test
    void refusesNestingBeyondTheDepthLimitNamingTheLimit() {
        int depth = EccpFrameDecoder.MAX_DEPTH;
        String deepest = "<a>".repeat(depth) + "<b/>" + "</a>".repeat(depth);

        assertInstanceOf(XmlElement.class, decode(new AnswerDecoder(MAX), utf8(deepest), false).get(0));
        assertEquals(List.of(new DecodeFailure("refused: element nesting exceeds 64 levels", true)),
                decode(new AnswerDecoder(MAX), utf8("<a>".repeat(depth + 1)), false));
    }

    @Test
    void discardsEverythingAfterAFailure() {
        EmbeddedChannel channel = new EmbeddedChannel(new AnswerDecoder(MAX));

        channel.writeInbound(Unpooled.wrappedBuffer(utf8("<a><b></a>" + EVENT)));
        channel.writeInbound(Unpooled.wrappedBuffer(utf8(EVENT)));

        assertEquals(new DecodeFailure("not well-formed: end tag does not match <b>", true), channel.readInbound());
        assertEquals(null, (Object) channel.readInbound());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<a><b></a>",
            "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
            "</a>",
            "<a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a>"
                    + "<a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a>"
                    + "<a>"})
    void refusesWithTheServerDecodersWordsWhereTheRuleIsTheSame(String input) {
        List<Object> server = decode(new EccpFrameDecoder(MAX), utf8(input), false);
        List<Object> client = decode(new AnswerDecoder(MAX), utf8(input), false);

        assertEquals(server, client);
        assertInstanceOf(DecodeFailure.class, client.get(0));
    }

    /**
     * Where the server's decoder (Aalto 1.3.3) is wrong, the client refuses: overlong UTF-8 forms and a
     * code point above U+10FFFF, which Aalto reads as text, and an element named with the prefix
     * {@code xmlns}, on which Aalto throws a RuntimeException out of the decoder instead of a parse error.
     */
    @Test
    void refusesOverlongUtf8ACodePointAboveTheLastAndTheXmlnsPrefixOnAnElement() {
        byte[][] invalid = {
                {'<', 'r', '>', (byte) 0xC0, (byte) 0x80, '<', '/', 'r', '>'},
                {'<', 'r', '>', (byte) 0xE0, (byte) 0x80, (byte) 0x80, '<', '/', 'r', '>'},
                {'<', 'r', '>', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '<', '/', 'r', '>'}};
        for (byte[] input : invalid) {
            assertEquals(List.of(new DecodeFailure("not well-formed: invalid UTF-8", true)),
                    decode(new AnswerDecoder(MAX), input, false));
        }
        assertEquals(List.of(new DecodeFailure("not well-formed: undeclared namespace prefix 'xmlns'", true)),
                decode(new AnswerDecoder(MAX), utf8("<xmlns:r/>"), false));
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new AnswerDecoder(0));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every message the decoder gives for the bytes written as reads cut at {@code cuts}, then closed. */
    static List<Object> decode(ChannelHandler decoder, byte[] bytes, boolean direct, int... cuts) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        List<Object> messages = new ArrayList<>();
        int from = 0;
        try {
            for (int i = 0; i <= cuts.length; i++) {
                int to = i < cuts.length ? cuts[i] : bytes.length;
                ByteBuf read = direct ? Unpooled.directBuffer(to - from) : Unpooled.buffer(to - from);
                read.writeBytes(bytes, from, to - from);
                channel.writeInbound(read);
                from = to;
                drain(channel, messages);
            }
            channel.finish();
        } catch (RuntimeException e) {
            fail("decoder threw", e);
        }
        drain(channel, messages);
        return messages;
    }

    private static void drain(EmbeddedChannel channel, List<Object> messages) {
        Object message;
        while ((message = channel.readInbound()) != null) {
            messages.add(message);
        }
    }
}
