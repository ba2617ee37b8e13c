package org.dialerd.http.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 3's bound: a receiver that accepts the connection and never answers holds one
 * POST in flight; what comes meanwhile waits in the endpoint's own queue, which never grows
 * past {@code webhooks.queue_size} (the oldest is dropped and counted) and never blocks the
 * offering thread.
 */
class WebhookQueueTest {
    @Test
    void aStuckReceiverKeepsAtMostQueueSizeEventsDroppingTheOldestAndOfferingNeverWaits() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        WebhookMetrics metrics = new WebhookMetrics() {
            @Override
            public void endpoint(String endpoint, java.util.function.IntSupplier queued,
                                 java.util.function.BooleanSupplier up) {
            }

            @Override
            public void attempt(String endpoint, String result) {
            }

            @Override
            public void dropped(String endpoint) {
                dropped.incrementAndGet();
            }
        };
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            WebhookSettings.Endpoint receiver = new WebhookSettings.Endpoint("stuck",
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hook"), Set.of(), "secret");
            WebhookSettings settings = new WebhookSettings(List.of(receiver), 3, 2, Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofMinutes(1));
            WebhookEndpoint endpoint = new WebhookEndpoint(receiver, settings, HttpClient.newHttpClient(), timer,
                    metrics, Clock.systemUTC());
            long start = System.nanoTime();
            for (int i = 1; i <= 10; i++) {
                endpoint.offer(new WebhookEndpoint.Delivery(i, "agentlinked",
                        ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            }
            long offeringMillis = (System.nanoTime() - start) / 1_000_000;
            // Event 1 is in flight (taken off the queue); 2..10 came while it was: 3 stay, 6 dropped.
            assertEquals(3, endpoint.queued());
            assertEquals(6, dropped.get());
            assertTrue(offeringMillis < 5_000, "offering waited for the network: " + offeringMillis + " ms");
            assertEquals(3, endpoint.close(), "what was queued is reported at close");
        } finally {
            timer.shutdownNow();
        }
    }
}
