package org.dialerd.it.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.TestJournals;
import org.junit.jupiter.api.Test;

/**
 * The database stopped for real while 32 sessions keep asking for what needs it: each is
 * answered 503 at once, and getagentstatus, which does not need it, stays fast beside them.
 * (Was the second test of {@link DatabaseOutageIT}; a class of its own so that the test JVMs
 * run it beside that class's minute of outage.)
 */
class ReadsDuringOutageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AgentCredentials SIP_1001 = new AgentCredentials("SIP/1001", "demo");

    @Test
    void getAgentStatusStaysFastWhile32SessionsAskTheDatabaseThatIsDown() throws Exception {
        try (OutageDatabase db = OutageDatabase.start("fast");
             PbxHarness pbx = PbxHarness.startOn(db.check(), db.persistence(TestJournals.fresh()));
             EccpClient status = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            status.login("agentconsole", "agentconsole");
            assertEquals("logged-in", status.loginAgent(SIP_1001, "1001").text("status").orElseThrow());
            List<EccpClient> hammers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                EccpClient client = EccpClient.connect("127.0.0.1", pbx.eccpPort());
                client.login("agentconsole", "agentconsole");
                hammers.add(client);
            }
            db.stop();
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var slowest503 = new java.util.concurrent.atomic.AtomicLong();
            var answers = new java.util.concurrent.atomic.AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (EccpClient client : hammers) {
                Thread thread = new Thread(() -> {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        EccpResponse response = client.getCampaignQueueWait("outgoing", 1);
                        long took = (System.nanoTime() - start) / 1_000_000;
                        assertEquals(503, response.failure().orElseThrow().code());
                        slowest503.accumulateAndGet(took, Math::max);
                        answers.incrementAndGet();
                    }
                }, "hammer");
                thread.start();
                threads.add(thread);
            }
            Awaits.until("the hammering sessions are answered", WAIT, () -> answers.get() > 320);
            long slowestStatus = 0;
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                assertEquals("online", status.getAgentStatus("SIP/1001").text("status").orElseThrow());
                slowestStatus = Math.max(slowestStatus, (System.nanoTime() - start) / 1_000_000);
            }
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(WAIT.toMillis());
            }
            hammers.forEach(EccpClient::close);
            // Ended as a killed process: a clean stop with the database still down waits
            // Dialerd.WRITE_DRAIN_TIMEOUT (10 s) for the journal and then leaves the records for the
            // next start; no assertion here is about that stop, and it was 10 s of every run.
            pbx.killDialerd();
            assertTrue(slowestStatus < 500, "getagentstatus took up to " + slowestStatus + " ms");
            assertTrue(slowest503.get() < 1500, "getcampaignqueuewait answered 503 after up to " + slowest503 + " ms");
        }
    }
}
