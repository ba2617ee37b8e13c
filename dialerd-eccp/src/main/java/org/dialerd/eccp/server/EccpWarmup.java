package org.dialerd.eccp.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.dialerd.eccp.codec.EccpFrameDecoder;
import org.dialerd.eccp.codec.EccpPacketEncoder;
import org.dialerd.eccp.codec.EccpRequestDecoder;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ECCP path hot before the listener opens, so the first seconds after start are not spent
 * in the interpreter (measured: the first 5 s at a quarter of the steady rate). Requests go
 * through the connection's own pipeline (frame decoder, request decoder, {@link EccpChannelHandler}
 * with the real dispatcher and worker pool, encoder) on an in-memory channel whose output is
 * counted and dropped; events are encoded and written through a {@link SessionRegistry} of
 * in-memory sessions. Only answers from memory are asked for (getagentstatus, from the engine's
 * published views; getcampaignlist, getpauses and getincomingqueuelist from the reference data
 * when it is loaded): nothing touches the database or Asterisk. The dispatcher counts these answers
 * in /metrics like any other. getagentstatus needs AMI up (the engine's views follow it): the
 * server starts after the AMI gateway, so it usually is; if not, the warm-up runs the 500 answer.
 *
 * <p>Requests are sent {@value #BATCH} at a time, and the next batch waits for every answer to
 * the last, so the in-memory channel is never used by two threads at once (the handler's own
 * read flow control would only act past 64 in flight).
 */
final class EccpWarmup {
    private static final Logger log = LoggerFactory.getLogger(EccpWarmup.class);
    /** Requests per write: pipelined like a busy console, below half of eccp.max_requests_in_flight's default. */
    static final int BATCH = 48;
    /**
     * The warm-up stops here, whatever is left: a start must not wait long for it (on a quiet
     * 2-core machine 20,000 requests take about a second; on one shared by eight builds, 10 s).
     */
    static final Duration BUDGET = Duration.ofSeconds(5);
    private static final int EVENT_SESSIONS = 16;
    /** Reference-data requests without arguments the warm-up also asks (answered from memory). */
    private static final List<String> MEMORY_REQUESTS = List.of("getcampaignlist", "getpauses", "getincomingqueuelist");

    private final Dispatcher dispatcher;
    private final Executor workers;
    private final Executor database;
    private final EccpServerSettings settings;

    EccpWarmup(Dispatcher dispatcher, Executor workers, Executor database, EccpServerSettings settings) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.database = database;
        this.settings = settings;
    }

    /** What a warm-up did: requests answered, events written, how long it took. */
    record Report(int requests, int eventWrites, long answeredBytes, Duration took) {}

    /** Sends {@code requests} getagentstatus for {@code agentNumber}, and as many events, then returns. */
    Report run(int requests, String agentNumber) {
        long start = System.nanoTime();
        long deadline = start + BUDGET.toNanos();
        Sink sink = new Sink();
        EccpChannelHandler handler = new EccpChannelHandler(dispatcher, workers, database, settings,
                new SessionRegistry(settings.maxOutboundBytes()));
        EmbeddedChannel channel = new EmbeddedChannel(sink, new EccpPacketEncoder(),
                new EccpFrameDecoder(settings.maxPacketBytes()), new EccpRequestDecoder(), handler);
        handler.loggedInForWarmup();
        List<String> bodies = bodies(agentNumber);
        int sent = 0;
        try {
            while (sent < requests && System.nanoTime() < deadline) {
                int batch = Math.min(Math.min(BATCH, Math.max(1, settings.maxRequestsInFlight() / 2 - 1)),
                        requests - sent);
                StringBuilder packets = new StringBuilder(batch * 100);
                for (int i = 0; i < batch; i++) {
                    String body = bodies.get(sent % bodies.size());
                    packets.append("<request id=\"").append(++sent).append("\">").append(body).append("</request>\n");
                }
                channel.writeInbound(Unpooled.copiedBuffer(packets, StandardCharsets.US_ASCII));
                if (!sink.await(batch, deadline)) {
                    log.warn("ECCP warm-up stopped: {} requests not answered within {} s", batch, BUDGET.toSeconds());
                    break;
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        int events = events(Math.min(requests, sent), deadline);
        Report report = new Report(sent, events, sink.bytes, Duration.ofNanos(System.nanoTime() - start));
        log.info("ECCP warm-up: {} requests and {} event writes in {} ms", report.requests(), report.eventWrites(),
                report.took().toMillis());
        return report;
    }

    /**
     * getagentstatus three times in four, and the reference-data requests the event loop answers
     * from memory ({@link InlineAnswers}) in turn: those of them that would not be answered from
     * memory now (reference data not loaded) are left out, so nothing reads the database.
     */
    List<String> bodies(String agentNumber) {
        String status = "<getagentstatus><agent_number>" + agentNumber + "</agent_number></getagentstatus>";
        List<String> bodies = new java.util.ArrayList<>();
        for (String memory : MEMORY_REQUESTS) {
            org.dialerd.eccp.codec.EccpRequest probe = new org.dialerd.eccp.codec.EccpRequest("0",
                    XmlElement.empty(memory));
            if (dispatcher.answersInMicroseconds(probe)) {
                bodies.addAll(List.of(status, status, status, "<" + memory + "/>"));
            }
        }
        return bodies.isEmpty() ? List.of(status) : List.copyOf(bodies);
    }

    /** Publishes events to {@value #EVENT_SESSIONS} in-memory sessions: encode once, write to each. */
    private int events(int count, long deadline) {
        SessionRegistry registry = new SessionRegistry(settings.maxOutboundBytes());
        Sink sink = new Sink();
        EmbeddedChannel[] channels = new EmbeddedChannel[EVENT_SESSIONS];
        for (int i = 0; i < EVENT_SESSIONS; i++) {
            channels[i] = new EmbeddedChannel(sink);
            EccpSession session = new EccpSession("warm-up");
            session.loggedIn("dialerd-warmup", "warmup");
            session.callProgress(true);
            registry.update(session, channels[i]);
        }
        int written = 0;
        for (int i = 0; i < count / EVENT_SESSIONS && System.nanoTime() < deadline; i++) {
            XmlElement event = XmlElement.of("event", XmlElement.builder("callprogress")
                    .add("datetime_entry", "2026-01-01 00:00:00").add("call_type", "incoming")
                    .add("campaign_id", "1").add("call_id", Integer.toString(i)).add("new_status", "OnQueue")
                    .add("uniqueid", "1700000000." + i).add("trunk", "SIP/trunk").add("queue", "8001").build());
            registry.publishToAll(event, true);
            written += EVENT_SESSIONS;
        }
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
        return written;
    }

    /** The channel's output: counted, released, never queued (the channel's own queue is not thread-safe). */
    private static final class Sink extends ChannelOutboundHandlerAdapter {
        private final Semaphore written = new Semaphore(0);
        private volatile long bytes;

        @Override
        public boolean isSharable() {
            return true;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf buf) {
                bytes += buf.readableBytes();
            }
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
            written.release();
        }

        boolean await(int writes, long deadlineNanos) {
            try {
                return written.tryAcquire(writes, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
