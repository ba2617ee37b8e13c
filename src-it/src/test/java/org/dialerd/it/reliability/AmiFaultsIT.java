package org.dialerd.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.server.DemoPbx;
import org.dialerd.sim.fault.AmiFaults;
import org.junit.jupiter.api.Test;

/**
 * AMI faults injected by the simulator, over real TCP through asterisk-java: a lost event, a
 * lost or late response, responses nobody asked for, a half-open connection. None of them
 * blocks anything, and dialerd's view follows what Asterisk did.
 */
class AmiFaultsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials SIP_1002 = new AgentCredentials("SIP/1002", "demo");

    @Test
    void lostOriginateResponseNeitherStrandsTheCallNorStopsTheCampaign() {
        DialerSettings dialer = new DialerSettings(DemoPbx.CUSTOMER_TEMPLATE, Duration.ofMillis(200),
                PbxHarness.DIALER_UNIQUEID_PREFIX);
        try (PbxHarness pbx = PbxHarness.startWithDialer(scenario -> { }, dialer, "sql/demo-data.sql");
             EccpClient eccp = console(pbx)) {
            update(pbx, "UPDATE campaign SET max_canales = 1 WHERE id = 1");
            update(pbx, "UPDATE calls SET phone = '5550004' WHERE id = 1"); // congestion, as in the issue
            AmiFaults faults = AmiFaults.seeded(8).loseNextEvent("OriginateResponse");
            pbx.simulator().faults(faults);
            assertEquals("logged-in", eccp.loginAgent(SIP_1002, "1002").text("status").orElseThrow());

            Awaits.until("call 1 placed", WAIT, () -> "Placing".equals(value(pbx, "SELECT status FROM calls WHERE id = 1")));
            Awaits.until("its Originate reached Asterisk", WAIT, () -> pbx.simulator().channelNames().stream()
                    .anyMatch(name -> name.contains("5550004")) || faults.lostEvents() == 1);
            // Congestion and its Hangup; the OriginateResponse is lost. dialerd stamps events when it
            // handles them, so time moves on in small steps, as it would.
            Awaits.until("call 1 failed", WAIT, () -> {
                pbx.simulator().advance(Duration.ofMillis(200));
                return "Failure".equals(value(pbx, "SELECT status FROM calls WHERE id = 1"));
            });
            assertEquals(1, faults.lostEvents());
            // The ;1 half's Hangup is all dialerd knows: Asterisk gives it cause 0 (trace 05).
            assertEquals("Hangup without OriginateResponse", value(pbx,
                    "SELECT failure_cause_txt FROM calls WHERE id = 1"));
            Awaits.until("the next call placed on the freed channel", WAIT, () -> Integer.parseInt(value(pbx,
                    "SELECT COUNT(*) FROM calls WHERE id <> 1 AND id <= 50 AND status IS NOT NULL")) == 1);
            eccp.logoutAgent(SIP_1002);
        }
    }

    @Test
    void pauseWhoseResponseIsLostAnswers500ButTheAgentShowsPausedAsAsteriskHasIt() {
        try (PbxHarness pbx = PbxHarness.start(ami -> ami.withActionTimeout(Duration.ofSeconds(1)), scenario -> { },
                null, "sql/demo-data.sql"); EccpClient eccp = console(pbx)) {
            loginDynamic(eccp);
            pbx.simulator().faults(AmiFaults.seeded(3).loseNextResponse("QueuePause"));

            EccpResponse pause = eccp.pauseAgent(SIP_1002, 2);

            assertEquals(500, pause.failure().orElseThrow().code(), pause.body().toString());
            EccpResponse status = eccp.getAgentStatus("SIP/1002");
            assertEquals("paused", status.text("status").orElseThrow());
            assertEquals(Optional.of("Lunch"), status.body().child("pauseinfo").orElseThrow().childText("pausename"));
            assertEquals(1, pbx.gateway().timedOutActions());
            assertTrue(eccp.unpauseAgent(SIP_1002).isSuccess());
            assertEquals("online", eccp.getAgentStatus("SIP/1002").text("status").orElseThrow());
        }
    }

    @Test
    void lateAndOrphanResponsesAreCountedAndWedgeNothing() {
        try (PbxHarness pbx = PbxHarness.start(ami -> ami.withActionTimeout(Duration.ofSeconds(1)), scenario -> { },
                null, "sql/demo-data.sql"); EccpClient eccp = console(pbx)) {
            loginDynamic(eccp);
            AmiFaults faults = AmiFaults.seeded(5).delayResponses("QueuePause", 1.0, Duration.ofSeconds(3))
                    .orphanResponses(1.0);
            pbx.simulator().faults(faults);

            assertEquals(500, eccp.pauseAgent(SIP_1002, 2).failure().orElseThrow().code(), "no answer within 1 s");
            pbx.simulator().advance(Duration.ofSeconds(3)); // now the QueuePause answer arrives, too late

            Awaits.until("late response counted", WAIT, () -> pbx.gateway().lateResponses() == 1);
            Awaits.until("orphans counted", WAIT, () -> pbx.gateway().unknownResponses() >= 1);
            assertEquals("paused", eccp.getAgentStatus("SIP/1002").text("status").orElseThrow(),
                    "Asterisk paused it (its event said so)");
            pbx.simulator().faults(AmiFaults.seeded(5).orphanResponses(1.0));
            assertTrue(eccp.unpauseAgent(SIP_1002).isSuccess(), "answers still reach their actions");
            assertEquals("online", eccp.getAgentStatus("SIP/1002").text("status").orElseThrow());
            assertTrue(pbx.gateway().unknownResponses() >= faults.orphanResponses());
        }
    }

    @Test
    void halfOpenConnectionIsDetectedWithinSecondsAndStateResynced() {
        try (PbxHarness pbx = PbxHarness.start(ami -> ami.withActionTimeout(Duration.ofMillis(500))
                        .withPingInterval(Duration.ofMillis(200)), scenario -> { }, null, "sql/demo-data.sql");
             EccpClient eccp = console(pbx)) {
            loginDynamic(eccp);

            long start = System.nanoTime();
            pbx.simulator().halfOpen();
            Awaits.until("half-open connection given up", Duration.ofSeconds(10), () -> !pbx.gateway().isConnected());
            Awaits.until("connected again", Duration.ofSeconds(10), () -> pbx.gateway().isConnected());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());

            assertTrue(eccp.pauseAgent(SIP_1002, 2).isSuccess(), "actions work on the new connection");
            assertEquals("paused", eccp.getAgentStatus("SIP/1002").text("status").orElseThrow());
        }
    }

    /** A dynamic agent logged in, with dialerd seeing it in both queues (pauses go to Asterisk then). */
    private static void loginDynamic(EccpClient eccp) {
        assertEquals("logged-in", eccp.loginAgent(SIP_1002, "1002").text("status").orElseThrow());
        Awaits.until("SIP/1002 in its queues", WAIT, () -> eccp.getAgentQueues("SIP/1002").body().child("queues")
                .map(q -> q.children().size()).orElse(0) == 2);
    }

    private static EccpClient console(PbxHarness pbx) {
        EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
        return eccp;
    }

    private static String value(PbxHarness pbx, String sql) {
        return Sql.value(pbx.dataSource(), sql);
    }

    private static void update(PbxHarness pbx, String sql) {
        try (java.sql.Connection c = pbx.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
