package org.dialerd.eccp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.dialerd.eccp.codec.EccpFrameDecoder;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/** The client's pipeline without a socket: what it writes, and how answers and events come back. */
class AnswerMatcherTest {
    private final AnswerMatcher answers = new AnswerMatcher();
    private final EmbeddedChannel channel = new EmbeddedChannel(new RequestEncoder(),
            new EccpFrameDecoder(EccpFrameDecoder.DEFAULT_MAX_PACKET_BYTES), answers);

    private String written() {
        ByteBuf bytes = channel.readOutbound();
        try {
            return bytes.toString(StandardCharsets.US_ASCII);
        } finally {
            bytes.release();
        }
    }

    private void serverSends(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private static String failureOf(CompletableFuture<EccpResponse> answer) {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, answer::get);
        assertTrue(e.getCause() instanceof EccpClientException, e.getCause().toString());
        return e.getCause().getMessage();
    }

    @Test
    void writesEachRequestAsTheServerFramesItsPacketsNumberedFromOne() {
        answers.send(XmlElement.empty("getpauses"));
        answers.send(XmlElement.builder("getagentstatus").add("agent_number", "Agent/9000").build());
        answers.send(XmlElement.builder("setcontact").add("name", "Mar\u00eda <&>").build());

        assertEquals("<?xml version=\"1.0\"?>\n<request id=\"1\"><getpauses/></request>\n", written());
        assertEquals("<?xml version=\"1.0\"?>\n<request id=\"2\"><getagentstatus><agent_number>Agent/9000"
                + "</agent_number></getagentstatus></request>\n", written());
        assertEquals("<?xml version=\"1.0\"?>\n<request id=\"3\"><setcontact><name>Mar&#xED;a &lt;&amp;&gt;</name>"
                + "</setcontact></request>\n", written());
    }

    @Test
    void aLongRequestIsWrittenWholeAndTheNextOneAfterItToo() {
        String text = "x".repeat(40_000);
        answers.send(XmlElement.builder("saveformdata").add("value", text).build());
        answers.send(XmlElement.empty("getpauses"));

        assertEquals("<?xml version=\"1.0\"?>\n<request id=\"1\"><saveformdata><value>" + text
                + "</value></saveformdata></request>\n", written());
        assertEquals("<?xml version=\"1.0\"?>\n<request id=\"2\"><getpauses/></request>\n", written());
    }

    @Test
    void answersCompleteTheirRequestsInOrderAndEventsBetweenThemGoToEveryListener() throws Exception {
        List<String> seen = new ArrayList<>();
        answers.addEventListener(event -> seen.add("a " + event.children().get(0).name()));
        answers.addEventListener(event -> seen.add("b " + event.children().get(0).name()));
        CompletableFuture<EccpResponse> first = answers.send(XmlElement.empty("getpauses"));
        CompletableFuture<EccpResponse> second = answers.send(XmlElement.empty("getrequestlist"));
        first.thenRun(() -> seen.add("answer 1"));
        second.thenRun(() -> seen.add("answer 2"));

        serverSends("<?xml version=\"1.0\"?>\n<event><agentlinked/></event>\n"
                + "<?xml version=\"1.0\"?>\n<response id=\"1\"><getpauses_response/></response>\n"
                + "<event><pauseend/></event><response id=\"2\"><getrequestlist_response/></response>");

        assertEquals(List.of("a agentlinked", "b agentlinked", "answer 1", "a pauseend", "b pauseend", "answer 2"),
                seen);
        assertEquals(new EccpResponse("1", XmlElement.empty("getpauses_response")), first.get());
        assertEquals("getrequestlist_response", second.get().body().name());
    }

    @Test
    void aFailureWithoutIdBelongsToTheOldestRequest() throws Exception {
        CompletableFuture<EccpResponse> first = answers.send(XmlElement.empty("getpauses"));
        CompletableFuture<EccpResponse> second = answers.send(XmlElement.empty("getpauses"));

        serverSends("<response><failure><code>400</code><message>Bad request</message></failure></response>");

        assertEquals(new EccpResponse.Failure(400, "Bad request"), first.get().failure().orElseThrow());
        assertFalse(second.isDone());
    }

    @Test
    void anAnswerForAnotherRequestFailsTheOldestOne() {
        CompletableFuture<EccpResponse> first = answers.send(XmlElement.empty("getpauses"));

        serverSends("<response id=\"9\"><getpauses_response/></response>");

        assertEquals("answer for request 9 arrived while 1 was expected", failureOf(first));
    }

    @Test
    void anUnreadablePacketFailsEveryUnansweredRequestAndClosesTheConnection() {
        CompletableFuture<EccpResponse> first = answers.send(XmlElement.empty("getpauses"));
        CompletableFuture<EccpResponse> second = answers.send(XmlElement.empty("getpauses"));

        serverSends("<response id=\"1\"><getpauses_response></response>");

        assertTrue(failureOf(first).startsWith("unreadable packet from server: not well-formed"), failureOf(first));
        assertTrue(failureOf(second).startsWith("unreadable packet from server"));
        assertFalse(channel.isOpen());
    }

    @Test
    void aClosedConnectionFailsWhatIsUnansweredAndEveryLaterRequest() {
        CompletableFuture<EccpResponse> unanswered = answers.send(XmlElement.empty("getpauses"));

        channel.close();

        assertEquals("connection closed", failureOf(unanswered));
        assertEquals("connection closed", failureOf(answers.send(XmlElement.empty("getpauses"))));
    }
}
