package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.dialerd.core.pbx.PbxEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * asterisk-java's event pump drops events (and responses) once 20,000 wait for it. With
 * {@code dialer.debug} on, every event is logged on that pump thread, which makes it slower
 * than the reader (docs/ami.md: thousands lost, "Event queue is full", before {@link IngestGate}).
 * With the gate the reader waits and TCP slows the sender down: nothing is lost, whatever the
 * machine's speed.
 */
class AmiGatewayBackPressureTest {
    private static final int EVENTS = 25_000;
    private static final long LOG_NANOS = 200_000;

    private final Logger eventLog = (Logger) LoggerFactory.getLogger(AmiEventLog.LOGGER_NAME);
    private final SlowAppender slow = new SlowAppender();
    private FakeAmiServer server;
    private AmiGateway gateway;

    @AfterEach
    void close() throws Exception {
        eventLog.detachAppender(slow);
        eventLog.setLevel(null);
        eventLog.setAdditive(true);
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSlowEventPumpHoldsTheSocketBackInsteadOfDroppingEvents() throws Exception {
        slow.start();
        eventLog.addAppender(slow);
        eventLog.setAdditive(false);
        eventLog.setLevel(Level.DEBUG);
        server = new FakeAmiServer("dialerd", "dialerd");
        gateway = new AmiGateway(TestSettings.forPort(server.port()).withActionTimeout(Duration.ofSeconds(60)));
        List<String> hangups = new ArrayList<>();
        gateway.addListener(event -> {
            if (event instanceof PbxEvent.Hangup h) {
                hangups.add(h.uniqueId()); // events thread only; read after the last one is in
            }
        });
        gateway.start();
        assertTrue(server.awaitLogin(Duration.ofSeconds(10)), "login");

        List<AmiPacket> burst = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            burst.add(AmiPacket.of("Event: Hangup", "Privilege: call,all", "Channel: SIP/1001-" + i,
                    "Uniqueid: 1795339927." + i, "Linkedid: 1795339927." + i, "Cause: 16",
                    "Cause-txt: Normal Clearing"));
        }
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try {
                server.write(burst);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CompletableFuture<Void> last = new CompletableFuture<>();
        gateway.addListener(event -> {
            if (event instanceof PbxEvent.Hangup h && h.uniqueId().equals("1795339927." + (EVENTS - 1))) {
                last.complete(null);
            }
        });
        written.get(60, TimeUnit.SECONDS);
        last.get(60, TimeUnit.SECONDS);

        assertEquals(EVENTS, hangups.size(), "every event delivered");
        for (int i = 0; i < EVENTS; i++) {
            assertEquals("1795339927." + i, hangups.get(i), "event " + i + " in wire order");
        }
        assertTrue(slow.logged.get() >= EVENTS, "every event went through the slow pump");
    }

    /** An appender that takes {@link #LOG_NANOS} per line, like a busy disk or console. */
    private static final class SlowAppender extends AppenderBase<ILoggingEvent> {
        final AtomicLong logged = new AtomicLong();

        @Override
        protected void append(ILoggingEvent event) {
            logged.incrementAndGet();
            long until = System.nanoTime() + LOG_NANOS;
            while (System.nanoTime() < until) {
                LockSupport.parkNanos(20_000);
            }
        }
    }
}
