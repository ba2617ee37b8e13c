package org.dialerd.eccp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.dialerd.jmh.AverageTimeBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The ECCP read path: bytes → {@link EccpFrameDecoder} (framing, well-formedness, tree) →
 * {@link EccpRequestDecoder} (the typed request), on an {@link EmbeddedChannel} as in the codec
 * tests. Packets are the recorded ones (testdata/eccp-traces): a getagentstatus as consoles poll
 * it, a loginagent, and a saveformdata with its fields. "whole": one packet per read; "split": the
 * packet in three reads (cut inside a tag and inside text); "pipelined": 16 packets in one read.
 * Each read's bytes are a fresh wrapper around the same array (the decoder consumes it).
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameDecoderBenchmark extends AverageTimeBenchmark {
    static final String GETAGENTSTATUS =
            "<request id=\"2\"><getagentstatus><agent_number>Agent/9000</agent_number></getagentstatus></request>\n";
    static final String LOGINAGENT = "<request id=\"7\"><loginagent><agent_number>SIP/1001</agent_number>"
            + "<password>1001</password><extension>1001</extension><agent_hash>3c9d0c7b9e0e6f25ab0b2f7d4c3e1b6a"
            + "</agent_hash></loginagent></request>\n";
    static final String SAVEFORMDATA = "<request id=\"12\"><saveformdata><agent_number>Agent/9000</agent_number>"
            + "<agent_hash>3c9d0c7b9e0e6f25ab0b2f7d4c3e1b6a</agent_hash><calltype>outgoing</calltype>"
            + "<call_id>42</call_id><forms><form id=\"1\"><field id=\"1\">Mar&#xED;a Jos&#xE9;</field>"
            + "<field id=\"2\">bbb</field><field id=\"3\">2026-12-01</field><field id=\"4\">Cliente pide "
            + "volver a llamar &amp; enviar cotizaci&#xF3;n</field></form></forms></saveformdata></request>\n";

    @Param({"getagentstatus", "loginagent", "saveformdata"})
    public String packet;

    private EmbeddedChannel channel;
    private byte[] whole;
    private byte[][] split;
    private byte[] pipelined;

    @Setup(Level.Trial)
    public void setUp() {
        String text = switch (packet) {
            case "getagentstatus" -> GETAGENTSTATUS;
            case "loginagent" -> LOGINAGENT;
            default -> SAVEFORMDATA;
        };
        whole = text.getBytes(StandardCharsets.UTF_8);
        int a = text.indexOf("agent_number>") + 5; // inside a tag name
        int b = text.indexOf("Agent/") + 3 > 3 ? text.indexOf("Agent/") + 3 : text.indexOf("SIP/") + 2; // inside text
        split = new byte[][] {slice(whole, 0, a), slice(whole, a, b), slice(whole, b, whole.length)};
        pipelined = text.repeat(16).getBytes(StandardCharsets.UTF_8);
        channel = new EmbeddedChannel(new EccpFrameDecoder(EccpFrameDecoder.DEFAULT_MAX_PACKET_BYTES),
                new EccpRequestDecoder());
    }

    @Benchmark
    public void whole(Blackhole bh) {
        channel.writeInbound(wrap(whole));
        bh.consume(channel.<Object>readInbound());
    }

    @Benchmark
    public void split(Blackhole bh) {
        for (byte[] part : split) {
            channel.writeInbound(wrap(part));
        }
        bh.consume(channel.<Object>readInbound());
    }

    /** 16 requests per call: divide the time by 16 for one request. */
    @Benchmark
    public void pipelined16(Blackhole bh) {
        channel.writeInbound(wrap(pipelined));
        Object request;
        while ((request = channel.readInbound()) != null) {
            bh.consume(request);
        }
    }

    private static ByteBuf wrap(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }
}
