package org.dialerd.it.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.sim.Scenario;
import org.dialerd.sim.pbx.QueueConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls whose own window is closed now (sql/closed-windows.sql) against the embedded MariaDB and
 * the simulator. Before the dialer's read tested the windows in SQL, it read the first 200
 * windowed calls whether their window was open or not and dropped the closed ones afterwards:
 * campaign 1 (300 closed windows, 5 calls without one) dialled nothing, and a campaign whose 200
 * first windowed calls had expired was finished ('T') with calls without a window left.
 */
class ClosedWindowsIT {
    private static final String CONTEXT = "closed-windows";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DialerSettings DIALER = new DialerSettings("Local/{phone}@" + CONTEXT, Duration.ofMillis(50),
            PbxHarness.DIALER_UNIQUEID_PREFIX);

    private static PbxHarness pbx;

    private static void addCustomersAndQueues(Scenario scenario) {
        scenario.queue(QueueConfig.of("8002", QueueConfig.Strategy.RRMEMORY));
        scenario.queue(QueueConfig.of("8003", QueueConfig.Strategy.RRMEMORY));
        scenario.dialplan().context(CONTEXT).exten("_61XXXXX", "NoOp()", "Ringing()", "Wait(60)", "Hangup()");
    }

    @BeforeAll
    static void start() {
        pbx = PbxHarness.startWithDialer(ClosedWindowsIT::addCustomersAndQueues, DIALER, "sql/closed-windows.sql");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void callsWithoutAWindowAreDialledWhileMoreWindowedCallsThanTheReadAreClosed() throws Exception {
        try (EccpClient console = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            console.login("agentconsole", "agentconsole");
            assertEquals("logged-in", console.loginAgent(new AgentCredentials("SIP/1001", "demo"), "1001")
                    .text("status").orElseThrow());
            // One free agent: the reference predictor places one call, and it must be one without a window.
            Awaits.until("a call of campaign 1 placed", WAIT, () -> placed(1, 1, 305) > 0);
            Awaits.until("its originate reached the PBX", WAIT, () -> pbx.simulator().channelNames().stream()
                    .anyMatch(name -> name.contains("@" + CONTEXT)));
            assertEquals(1, placed(1, 301, 305), "a call without a window");
            assertEquals(0, placed(1, 1, 300), "no call whose window is closed");
        }
    }

    /**
     * The end rule: a campaign ends only when no call can be dialled now nor later. Campaign 9,
     * the last of every round, has only expired windows and is finished; in that round campaign
     * 2 (250 expired windows, 3 calls without one) and campaign 3 (windows that open the day after
     * tomorrow) were judged too, and stay active.
     */
    @Test
    void aCampaignEndsOnlyWhenNoCallCanBeDialledNowNorLater() {
        Awaits.until("campaign 9 finished", WAIT, () -> status(9).equals("T"));
        assertEquals("A", status(2), "calls without a window left");
        assertEquals("A", status(3), "calls whose window opens later");
        assertEquals(0, placed(2, 1001, 1253) + placed(3, 2001, 2250), "no agent on their queue: nothing dialled");
    }

    private static int placed(int campaign, int firstId, int lastId) {
        return Integer.parseInt(Sql.value(pbx.dataSource(), "SELECT COUNT(*) FROM calls WHERE id_campaign = ? "
                + "AND id BETWEEN ? AND ? AND status IS NOT NULL", campaign, firstId, lastId));
    }

    private static String status(int campaign) {
        return Sql.value(pbx.dataSource(), "SELECT estatus FROM campaign WHERE id = ?", campaign);
    }
}
