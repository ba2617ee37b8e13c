package org.dialerd.eccp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class EccpPacketEncoderTest {

    @Test
    void writesTheLoginReplyExactlyAsTheReference() {
        XmlElement reply = response("1", XmlElement.of("login_response", XmlElement.empty("success"),
                XmlElement.text("app_cookie", "1be27c6c6fef656d2180240b162d30cb")));

        assertEquals("<?xml version=\"1.0\"?>\n<response id=\"1\"><login_response><success/>"
                + "<app_cookie>1be27c6c6fef656d2180240b162d30cb</app_cookie></login_response></response>\n",
                encode(reply));
    }

    @Test
    void writesTheBadRequestReplyWithoutId() {
        XmlElement reply = XmlElement.of("response", XmlElement.of("failure",
                XmlElement.text("code", 400), XmlElement.text("message", "Bad request")));

        assertEquals("<?xml version=\"1.0\"?>\n<response><failure><code>400</code><message>Bad request</message>"
                + "</failure></response>\n", encode(reply));
    }

    @Test
    void writesPacketsBackToBackEachWithItsDeclaration() {
        EmbeddedChannel channel = new EmbeddedChannel(new EccpPacketEncoder());

        channel.writeOutbound(response("2", XmlElement.empty("a")), response("3", XmlElement.empty("b")));

        assertEquals("<?xml version=\"1.0\"?>\n<response id=\"2\"><a/></response>\n"
                + "<?xml version=\"1.0\"?>\n<response id=\"3\"><b/></response>\n", readAll(channel));
    }

    @Test
    void echoesAnIdThatNeedsEscapingEscaped() {
        EccpRequest request = (EccpRequest) Inbound.requests()
                .read("<request id=\"a&amp;b &lt;1&gt; &quot;q&quot;\"><getqueuescript><queue>8001</queue>"
                        + "</getqueuescript></request>\n")
                .get(0);

        String packet = encode(response(request.id(), XmlElement.of("getqueuescript_response",
                XmlElement.text("script", "Incoming queue script"))));

        assertEquals("<?xml version=\"1.0\"?>\n<response id=\"a&amp;b &lt;1&gt; &quot;q&quot;\">"
                + "<getqueuescript_response><script>Incoming queue script</script></getqueuescript_response>"
                + "</response>\n", packet);
    }

    @Test
    void roundTripsNonAsciiTextSentAsReferenceOrAsUtf8() {
        for (String sent : new String[] {"Ba&#xF1;o", "Ba\u00f1o", "Ba&#241;o"}) {
            EccpRequest request = (EccpRequest) Inbound.requests()
                    .read("<request id=\"3\"><getcampaignlist><filtername>" + sent + "</filtername>"
                            + "</getcampaignlist></request>\n")
                    .get(0);
            String name = request.body().childText("filtername").orElseThrow();

            assertEquals("Ba\u00f1o", name, sent);
            assertEquals("<?xml version=\"1.0\"?>\n<response id=\"3\"><name>Ba&#xF1;o</name></response>\n",
                    encode(response(request.id(), XmlElement.text("name", name))), sent);
        }
    }

    @Test
    void writesOnlyAsciiBytes() {
        ByteBuf bytes = encodeToBuffer(response("1", XmlElement.text("x", "\u00f1 \u2026 \uD83D\uDE00")));
        try {
            for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
                int b = bytes.getByte(i);
                assertEquals(true, b >= 0 && b < 0x80, "byte " + i + " = " + b);
            }
            assertEquals("<?xml version=\"1.0\"?>\n<response id=\"1\"><x>&#xF1; &#x2026; &#x1F600;</x></response>\n",
                    bytes.toString(StandardCharsets.US_ASCII));
        } finally {
            bytes.release();
        }
    }

    private static XmlElement response(String id, XmlElement body) {
        return XmlElement.builder("response").attribute("id", id).add(body).build();
    }

    private static String encode(XmlElement packet) {
        ByteBuf bytes = encodeToBuffer(packet);
        try {
            return bytes.toString(StandardCharsets.US_ASCII);
        } finally {
            bytes.release();
        }
    }

    private static ByteBuf encodeToBuffer(XmlElement packet) {
        EmbeddedChannel channel = new EmbeddedChannel(new EccpPacketEncoder());
        channel.writeOutbound(packet);
        ByteBuf bytes = channel.readOutbound();
        channel.finishAndReleaseAll();
        return bytes;
    }

    private static String readAll(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        ByteBuf bytes;
        while ((bytes = channel.readOutbound()) != null) {
            text.append(bytes.toString(StandardCharsets.US_ASCII));
            bytes.release();
        }
        return text.toString();
    }
}
