package org.dialerd.eccp.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dialerd.eccp.codec.EccpFrameDecoder;
import org.dialerd.eccp.xml.XmlElement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Java client library's share of one request/response round trip, without a socket: the
 * client's pipeline (request encoder, frame decoder, {@link AnswerMatcher}) on an
 * {@link EmbeddedChannel}. One operation: send the request, take its bytes, hand the pipeline the
 * recorded answer (testdata/eccp-traces: getcampaignlist's five campaigns, getagentstatus of an
 * agent logged out) with the request's id, and read the completed future. {@code decodeOnly}: the same
 * answer through the decoder alone, to tell the parse from the rest. {@code decoder}: the client's
 * {@link AnswerDecoder} ({@code client}) or the server's {@link EccpFrameDecoder}, a fresh Aalto parser
 * per packet, which the client used before ({@code server}): the same run compares them.
 *
 * <p>Each iteration also prints the benchmark thread's CPU time per operation ({@code cpu ns/op}),
 * which a loaded machine inflates much less than the wall-clock score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientRoundTripBenchmark {
    static final String CAMPAIGNLIST_BODY = "<getcampaignlist_response><campaigns><campaign><id>1</id><type>incoming"
            + "</type><name>Incoming bench campaign</name><status>active</status></campaign><campaign><id>2</id>"
            + "<type>incoming</type><name>Campa&#xF1;a entrante de reclamos</name><status>inactive</status>"
            + "</campaign><campaign><id>1</id><type>outgoing</type><name>Outgoing bench campaign</name><status>"
            + "active</status></campaign><campaign><id>2</id><type>outgoing</type><name>Campa&#xF1;a cobranza 2026"
            + "</name><status>inactive</status></campaign><campaign><id>3</id><type>outgoing</type><name>Encuesta "
            + "post-venta</name><status>finished</status></campaign></campaigns></getcampaignlist_response>";
    static final String AGENTSTATUS_BODY = "<getagentstatus_response><status>offline</status>"
            + "</getagentstatus_response>";

    @Param({"getcampaignlist", "getagentstatus"})
    public String request;

    @Param({"client", "server"})
    public String decoder;

    private XmlElement body;
    private byte[] answerTail;
    private final byte[] answer = new byte[4096];
    private int prefixLength;
    private EmbeddedChannel channel;
    private AnswerMatcher answers;
    private EmbeddedChannel decoding;
    private long id;
    private long operations;
    private long cpuAtStart;

    @Setup(Level.Iteration)
    public void setUp() {
        boolean list = request.equals("getcampaignlist");
        body = list ? XmlElement.empty("getcampaignlist")
                : XmlElement.builder("getagentstatus").add("agent_number", "Agent/9000").build();
        answerTail = ("\">" + (list ? CAMPAIGNLIST_BODY : AGENTSTATUS_BODY) + "</response>\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] prefix = "<?xml version=\"1.0\"?>\n<response id=\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, answer, 0, prefix.length);
        prefixLength = prefix.length;
        answers = new AnswerMatcher();
        channel = new EmbeddedChannel(new RequestEncoder(), newDecoder(), answers);
        decoding = new EmbeddedChannel(newDecoder());
        id = 0;
        operations = 0;
        cpuAtStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private ChannelHandler newDecoder() {
        return decoder.equals("client") ? new AnswerDecoder(EccpFrameDecoder.DEFAULT_MAX_PACKET_BYTES)
                : new EccpFrameDecoder(EccpFrameDecoder.DEFAULT_MAX_PACKET_BYTES);
    }

    @TearDown(Level.Iteration)
    public void printCpuPerOperation() {
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtStart;
        if (operations > 0) {
            System.out.printf(" [cpu %.1f ns/op over %,d ops]", (double) cpu / operations, operations);
        }
    }

    /** The answer to request {@code n} as the server writes it, in a buffer that wraps a reused array. */
    private ByteBuf answerFor(long n) {
        int length = prefixLength;
        String digits = Long.toString(n);
        for (int i = 0; i < digits.length(); i++) {
            answer[length++] = (byte) digits.charAt(i);
        }
        System.arraycopy(answerTail, 0, answer, length, answerTail.length);
        return Unpooled.wrappedBuffer(answer, 0, length + answerTail.length);
    }

    @Benchmark
    public EccpResponse roundTrip() {
        operations++;
        CompletableFuture<EccpResponse> answered = answers.send(body);
        ByteBuf written = channel.readOutbound();
        written.release();
        channel.writeInbound(answerFor(++id));
        EccpResponse response = answered.getNow(null);
        if (response == null) {
            throw new IllegalStateException("request " + id + " was not answered");
        }
        return response;
    }

    @Benchmark
    public Object decodeOnly() {
        operations++;
        decoding.writeInbound(answerFor(1));
        return decoding.readInbound();
    }

}
