package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The supervisor wallboard at /wallboard/ in a real headless Chromium at 1280×720, while an
 * agent works through ECCP (another console): every change of the agent's state shows on its
 * card without a reload, colour-coded, with its time in state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WallboardIT {
    private static final AgentCredentials AGENT = new AgentCredentials("SIP/1002", "demo");
    private static PbxHarness pbx;
    private static Browser browser;
    private static EccpClient eccp;

    @BeforeAll
    static void start() throws Exception {
        pbx = PbxHarness.startMonitored("sql/demo-data.sql");
        browser = Browser.open("http://127.0.0.1:" + pbx.httpPort());
        eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (eccp != null) {
            eccp.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    @AfterEach
    void keepWhatTheBrowserShowed(TestInfo test) {
        browser.screenshot(Path.of("target", "browser", "wallboard-" + test.getTestMethod().orElseThrow().getName()
                + ".png"));
    }

    @Test
    @Order(1)
    void aSupervisorConnectsAndSeesEveryAgent() {
        browser.go("/wallboard/");
        browser.connectAs("agentconsole", "agentconsole");
        browser.await("the live connection", d -> browser.region("Connection").getText().equals("Live"));
        for (String agent : new String[] {"Agent/9000", "Agent/9004", "SIP/1001", "SIP/1005"}) {
            browser.awaitText("Agent states", agent);
        }
        assertEquals("Logged out", state("SIP/1002"));
        Number overflow = (Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow.intValue(), "no sideways scrolling at 1280×720");
    }

    @Test
    @Order(2)
    void theAgentsCardFollowsItsStateLiveColourCoded() {
        String offColour = colour("SIP/1002");
        assertEquals("logged-in", eccp.loginAgent(AGENT, "1002").text("status").orElseThrow());
        awaitState("SIP/1002", "Ready");
        String readyColour = colour("SIP/1002");
        assertNotEquals(offColour, readyColour, "ready and logged out look different");

        assertTrue(eccp.pauseAgent(AGENT, 2).isSuccess());
        awaitState("SIP/1002", "On break: Lunch");
        String breakColour = colour("SIP/1002");
        assertNotEquals(readyColour, breakColour);
        assertTrue(timeInState("SIP/1002").matches("\\d+:\\d\\d"), "time in state shown as m:ss");

        assertTrue(eccp.unpauseAgent(AGENT).isSuccess());
        awaitState("SIP/1002", "Ready");

        pbx.simulator().inboundCall("042345678", "8001", Duration.ofSeconds(30));
        pbx.simulator().advance(Duration.ofSeconds(3)); // rings the member; its phone answers after 1 s
        awaitState("SIP/1002", "On call");
        String callColour = colour("SIP/1002");
        assertNotEquals(readyColour, callColour);
        browser.await("the caller's number on the card", d -> cardText("SIP/1002").contains("042345678"));
        browser.screenshot(Path.of("target", "browser", "wallboard-agent-on-call.png")); // for docs/img

        assertTrue(eccp.hold(AGENT).isSuccess());
        pbx.simulator().advance(Duration.ofSeconds(1)); // the caller is parked
        awaitState("SIP/1002", "On hold");
        assertNotEquals(callColour, colour("SIP/1002"), "on hold and on call look different");
        assertTrue(eccp.unhold(AGENT).isSuccess());
        pbx.simulator().advance(Duration.ofSeconds(3)); // the agent's phone answers and takes the call back
        awaitState("SIP/1002", "On call");

        pbx.simulator().advance(Duration.ofSeconds(35)); // the caller hangs up
        awaitState("SIP/1002", "Ready");
        eccp.logoutAgent(AGENT);
        awaitState("SIP/1002", "Logged out");
    }

    @Test
    @Order(3)
    void aReloadedWallboardStartsFromTheCurrentState() {
        assertEquals("logged-in", eccp.loginAgent(AGENT, "1002").text("status").orElseThrow());
        assertTrue(eccp.pauseAgent(AGENT, 3).isSuccess());
        browser.go("/wallboard/");
        browser.connectAs("agentconsole", "agentconsole");
        awaitState("SIP/1002", "On break: Bathroom"); // from the snapshot: no event came since the load
        eccp.logoutAgent(AGENT);
        awaitState("SIP/1002", "Logged out");
    }

    @Test
    @Order(4)
    void queuesAndCampaignsShowTheLiveFiguresAndTheCampaignsProgress() {
        // Test 2's caller was answered in queue 8001 within the 20 s service level.
        browser.await("queue 8001's figures", d -> row("queues", "8001").matches("8001\t0\t0:00\t1\t0\t100%"));
        // Demo data: 50 numbers never dialled; 101 Success and 104 ShortCall answered, 102 and 103 failed.
        browser.await("the outgoing campaign's progress", d -> row("campaigns", "Demo outgoing campaign (outgoing)")
                .endsWith("50 pending · 4 placed · 2 answered · 2 failed"));
        // Abandoned calls by the 2-second rule (demo data: call 101 linked 3 s after its answer,
        // yesterday), against the campaign's 3 % target.
        browser.await("the campaign's abandoned calls (2 s rule)", d -> row("campaigns",
                "Demo outgoing campaign (outgoing)").matches("(?s).*\\d+ today · \\d+ in 30 days · (–|[\\d.]+%) of 3\\.0%.*"));
    }

    @Test
    @Order(5)
    void aSupervisorListensToAnAgentsCallFromItsCardThenWhispers() {
        browser.go("/wallboard/");
        browser.connectAs("supervisor", "supervisor");
        browser.await("the live connection", d -> browser.region("Connection").getText().equals("Live"));
        assertEquals("logged-in", eccp.loginAgent(AGENT, "1002").text("status").orElseThrow());
        awaitState("SIP/1002", "Ready");
        pbx.simulator().inboundCall("042345677", "8001", Duration.ofSeconds(30));
        pbx.simulator().advance(Duration.ofSeconds(3));
        awaitState("SIP/1002", "On call");

        browser.type("Your extension (listen, whisper, barge)", "1010");
        browser.button("Listen to SIP/1002").click();
        browser.await("the supervisor's phone ringing", d -> cardText("SIP/1002").contains("ringing your phone"));
        pbx.simulator().advance(Duration.ofSeconds(2)); // extension 1010 answers after 1 s: spystart
        browser.await("listening", d -> {
            String card = cardText("SIP/1002");
            return card.contains("Listening") && !card.contains("ringing");
        });
        browser.button("Switch to whisper on SIP/1002").click(); // inside the call: spyagent again, spymode
        browser.await("whispering", d -> cardText("SIP/1002").contains("Whispering"));
        browser.button("Stop spying on SIP/1002").click();
        pbx.simulator().advance(Duration.ofSeconds(1));
        browser.await("the three buttons back after spyend", d -> {
            String card = cardText("SIP/1002");
            return card.contains("Whisper") && !card.contains("Stop");
        });

        pbx.simulator().advance(Duration.ofSeconds(35)); // the caller hangs up
        awaitState("SIP/1002", "Ready");
        eccp.logoutAgent(AGENT);
        awaitState("SIP/1002", "Logged out");
    }

    /** The table row whose header cell is {@code header}, cells tab-separated ("" until it is there). */
    private static String row(String table, String header) {
        Object text = browser.script("const r = [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]"
                + ".find(r => r.querySelector('th').innerText === arguments[1]); return r ? r.innerText : '';",
                table, header);
        return text == null ? "" : text.toString();
    }

    /** The card's text, read in one step: the board redraws a card whenever its agent changes. */
    private static String cardText(String agent) {
        return browser.await("the card of " + agent, d -> (String) browser.script(
                "const c = document.querySelector(\"#agents li[data-agent='\" + arguments[0] + \"']\");"
                        + "return c && c.innerText;", agent));
    }

    private static String state(String agent) {
        return browser.await("the state of " + agent, d -> (String) browser.script(
                "const c = document.querySelector(\"#agents li[data-agent='\" + arguments[0] + \"'] .label\");"
                        + "return c && c.textContent;", agent));
    }

    private static void awaitState(String agent, String label) {
        browser.await(agent + " shown as '" + label + "'", d -> label.equals(state(agent)));
    }

    /** The colour of the card's state stripe, as the browser paints it. */
    private static String colour(String agent) {
        return browser.await("the colour of " + agent, d -> (String) browser.script(
                "const c = document.querySelector(\"#agents li[data-agent='\" + arguments[0] + \"']\");"
                        + "return c && getComputedStyle(c).borderLeftColor;", agent));
    }

    private static String timeInState(String agent) {
        return browser.await("the time in state of " + agent, d -> (String) browser.script(
                "const c = document.querySelector(\"#agents li[data-agent='\" + arguments[0] + \"'] .time\");"
                        + "return c && c.textContent;", agent));
    }
}
