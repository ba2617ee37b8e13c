package org.dialerd.eccp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The inbound stages together, fed the request shapes of protocol-errors.txt. */
class EccpRequestDecoderTest {

    @Test
    void turnsARequestIntoItsIdAndSingleChild() {
        List<Object> decoded = Inbound.requests().read("<request id=\"8\"><getpauses/></request>\n");

        assertEquals(List.of(new EccpRequest("8", XmlElement.empty("getpauses"))), decoded);
        assertEquals("getpauses", ((EccpRequest) decoded.get(0)).name());
    }

    @Test
    void keepsTheRequestArgumentsAndUnknownExtraElements() {
        EccpRequest request = (EccpRequest) Inbound.requests()
                .read("<request id=\"11\"><getqueuescript><queue>8001</queue><foo>bar</foo></getqueuescript>"
                        + "</request>\n")
                .get(0);

        assertEquals(XmlElement.of("getqueuescript", XmlElement.text("queue", "8001"), XmlElement.text("foo", "bar")),
                request.body());
    }

    @Test
    void passesUnknownAndWronglyCasedRequestNamesToTheDispatcher() {
        List<Object> decoded = Inbound.requests()
                .read("<request id=\"2\"><nosuchrequest/></request>\n<request id=\"9\"><GetPauses/></request>\n");

        assertEquals(List.of(new EccpRequest("2", XmlElement.empty("nosuchrequest")),
                new EccpRequest("9", XmlElement.empty("GetPauses"))), decoded);
    }

    @Test
    void decodesAnEscapedIdToTheStringTheClientMeant() {
        EccpRequest request = (EccpRequest) Inbound.requests()
                .read("<request id=\"a&amp;b &lt;1&gt; &quot;q&quot;\"><getqueuescript><queue>8001</queue>"
                        + "</getqueuescript></request>\n")
                .get(0);

        assertEquals("a&b <1> \"q\"", request.id());
    }

    @Test
    void acceptsWhitespaceCommentsAndNoTrailingNewline() {
        List<Object> decoded = Inbound.requests().read("<request id=\"2\">\n  <!-- c -->\n  <getqueuescript>\n"
                + "    <queue>8001</queue>\n  </getqueuescript>\n</request>");

        assertEquals(List.of(new EccpRequest("2", XmlElement.of("getqueuescript", XmlElement.text("queue", "8001")))),
                decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<request><getpauses/></request>\n",
            "<request id=\"5\"><getpauses/><getpauses/></request>\n",
            "<request id=\"6\"/>\n",
            "<request id=\"7\">hello</request>\n",
            "<request id=\"7\"> <!-- nothing --> </request>\n"})
    void answersAWellFormedRequestOfTheWrongShapeAndKeepsTheConnection(String packet) {
        Inbound inbound = Inbound.requests();

        List<Object> decoded = inbound.read(packet + "<request id=\"8\"><getpauses/></request>\n");

        assertEquals(2, decoded.size());
        DecodeFailure failure = assertInstanceOf(DecodeFailure.class, decoded.get(0));
        assertEquals(false, failure.fatal(), failure.reason());
        assertEquals(new EccpRequest("8", XmlElement.empty("getpauses")), decoded.get(1));
    }

    @Test
    void answersARootOtherThanRequestAsFatal() {
        List<Object> decoded = Inbound.requests().read("<response id=\"2\"><getpauses/></response>\n");

        assertEquals(List.of(new DecodeFailure("root element is <response>, not <request>", true)), decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"this is not xml\n", "<request id=\"2\"><getpauses></request>\n"})
    void passesTheFrameDecodersFatalFailureThroughAndNothingAfterIt(String packet) {
        Inbound inbound = Inbound.requests();

        List<Object> decoded = inbound.read(packet + "<request id=\"8\"><getpauses/></request>\n");

        assertEquals(1, decoded.size());
        DecodeFailure failure = assertInstanceOf(DecodeFailure.class, decoded.get(0));
        assertTrue(failure.fatal());
        assertTrue(failure.reason().startsWith("not well-formed"), failure.reason());
    }

    @Test
    void waitsForAnIncompleteRequest() {
        Inbound inbound = Inbound.requests();

        assertEquals(List.of(), inbound.read("<request id=\"2\"><getpauses/>"));
        assertEquals(List.of(new EccpRequest("2", XmlElement.empty("getpauses"))), inbound.read("</request>\n"));
    }

    @Test
    void decodesTwoRequestsWrittenTogetherInOrder() {
        List<Object> decoded = Inbound.requests()
                .read("<request id=\"2\"><getpauses/></request>\n"
                        + "<request id=\"3\"><getincomingqueuelist/></request>\n");

        assertEquals(List.of(new EccpRequest("2", XmlElement.empty("getpauses")),
                new EccpRequest("3", XmlElement.empty("getincomingqueuelist"))), decoded);
    }
}
