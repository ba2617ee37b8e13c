package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.handler.control.Transfer;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent's shift in the browser console at /console/, one step per test, in a real headless
 * Chromium at 1280×720 against a whole dialerd (embedded MariaDB, the simulated Asterisk over
 * AMI, the JSON API and its WebSocket). Callers come from the simulator into queue 8001, whose
 * incoming campaign has form 2 (TEXT, LIST, TEXTAREA, DATE and LABEL fields). What the page
 * shows is checked against what the engine and the database hold.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentConsoleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String AGENT = "SIP/1001";
    private static PbxHarness pbx;
    private static Browser browser;
    private static EccpClient eccp;

    @BeforeAll
    static void start() throws Exception {
        pbx = PbxHarness.startMonitored("sql/demo-data.sql");
        // FreePBX's context for internal calls, where transfers are dialled.
        pbx.simulator().withPbx(p -> p.dialplan().context(Transfer.TRANSFER_CONTEXT)
                .exten("_1XXX", "NoOp()", "Dial(Local/${EXTEN}@agents,30,tT)", "Hangup()"));
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
        browser.screenshot(Path.of("target", "browser", "console-" + test.getTestMethod().orElseThrow().getName()
                + ".png"));
    }

    @Test
    @Order(1)
    void theConsoleOpensAtTheClientLoginAndFitsA1280By720Screen() {
        browser.go("/console/");
        browser.region("Connect to dialerd");
        assertEquals(Browser.WIDTH, ((Number) browser.script("return window.innerWidth")).intValue());
        assertEquals(Browser.HEIGHT, ((Number) browser.script("return window.innerHeight")).intValue());
        assertEquals("Client account", browser.focusedName(), "the first field has the focus");
        assertNoHorizontalScroll();
    }

    @Test
    @Order(2)
    void aClientAndAnAgentLogInWithTheKeyboardOnly() {
        browser.press("agentconsole");
        browser.tab();
        assertEquals("Client password", browser.focusedName());
        assertFocusIsVisible();
        browser.press("agentconsole", Keys.ENTER); // Enter submits
        browser.region("Agent login");
        browser.await("the agent field focused", d -> "Agent".equals(browser.focusedName()));

        browser.press(AGENT);
        browser.tab();
        assertEquals("Extension", browser.focusedName());
        browser.press("1001");
        browser.tab();
        assertEquals("Agent password", browser.focusedName());
        browser.press("wrong", Keys.ENTER);
        // ECCP's own failure, code and message, as the agent sees it.
        browser.awaitText("Message", "Agent login failed: 401 Unauthorized agent");

        WebElement password = browser.field("Agent password");
        password.clear();
        password.sendKeys("demo", Keys.ENTER);
        browser.awaitText("Agent status", "Ready");
        browser.awaitText("Agent status", "1001");
        assertEquals("online", eccp.getAgentStatus(AGENT).text("status").orElseThrow());
        browser.await("the live connection", d -> browser.region("Connection").getText().equals("Live"));
        assertNoHorizontalScroll();
    }

    @Test
    @Order(3)
    void theAgentGoesOnABreakFromTheBreakListAndComesBack() {
        Select breaks = new Select(browser.field("Break"));
        List<String> names = breaks.getOptions().stream().map(WebElement::getText).toList();
        assertTrue(names.contains("Lunch"), names.toString());
        assertFalse(names.contains("Hold"), "the hold break is not a break to choose: " + names);
        breaks.selectByVisibleText("Lunch");
        browser.button("Pause").click();
        browser.awaitText("Agent status", "On break: Lunch");
        assertEquals("paused", eccp.getAgentStatus(AGENT).text("status").orElseThrow());
        assertFalse(browser.button("Resume").getAttribute("disabled") != null, "Resume is enabled on a break");

        // Resume from the keyboard: the focus moves there with Tab like any control.
        browser.button("Resume").sendKeys(Keys.ENTER);
        browser.awaitText("Agent status", "Ready");
        assertEquals("online", eccp.getAgentStatus(AGENT).text("status").orElseThrow());
    }

    @Test
    @Order(4)
    void aCallArrivesWithItsDataScriptAndEveryKindOfFormField() {
        pbx.simulator().inboundCall("042345678", "8001", Duration.ofSeconds(900));
        pbx.simulator().advance(Duration.ofSeconds(3)); // rings the member; its phone answers after 1 s
        browser.awaitText("Current call", "042345678");
        browser.awaitText("Agent status", "On call");
        browser.awaitText("Current call", "Incoming");
        browser.awaitText("Current call", "Demo incoming campaign");
        browser.awaitText("Current call", "Incoming campaign script: register the complaint in the form.");
        browser.awaitText("Current call", "8001");
        WebElement contacts = browser.region("Matching contacts");
        assertEquals(2, contacts.findElements(org.openqa.selenium.By.tagName("li")).size(), contacts.getText());

        assertEquals("input", browser.field("Número de cédula").getTagName());
        assertEquals("text", browser.field("Número de cédula").getAttribute("type"));
        Select kind = new Select(browser.field("Tipo de reclamo"));
        assertEquals(List.of("(choose)", "Facturación", "Servicio técnico", "Otro"),
                kind.getOptions().stream().map(WebElement::getText).toList());
        assertEquals("textarea", browser.field("Detalle").getTagName());
        assertEquals("date", browser.field("Fecha del incidente").getAttribute("type"));
        browser.awaitText("Call form", "Confirme los datos con el cliente"); // LABEL: text, not a field
        assertNoHorizontalScroll();
    }

    @Test
    @Order(5)
    void theAgentFillsTheFormAndSavesItIntoTheCallsFormData() {
        browser.type("Número de cédula", "0912345678");
        new Select(browser.field("Tipo de reclamo")).selectByVisibleText("Servicio técnico");
        browser.type("Detalle", "Sin señal desde el lunes");
        browser.field("Fecha del incidente").sendKeys("11302026"); // en-US: mm dd yyyy
        browser.button("Save form").click();
        browser.awaitText("Message", "Form saved.");

        String callId = currentCallId();
        Awaits.until("the form's rows", WAIT, () -> formData(callId).size() == 4);
        assertEquals(List.of("7=0912345678", "8=Servicio técnico", "9=Sin señal desde el lunes", "10=2026-11-30"),
                formData(callId));
    }

    @Test
    @Order(7)
    void theAgentPutsTheCallOnHoldAndTakesItBack() throws Exception {
        browser.button("Hold").click();
        browser.awaitText("Agent status", "On hold");
        assertEquals("1", eccp.getAgentStatus(AGENT).text("onhold").orElseThrow());

        browser.button("Unhold").click();
        // Unhold rings the agent's phone into the parking lot; it answers after a second.
        browser.await("the call back from hold", d -> {
            pbx.simulator().advance(Duration.ofMillis(500));
            return browser.region("Agent status").getText().contains("On call")
                    && !browser.region("Agent status").getText().contains("On hold");
        });
        assertEquals("0", eccp.getAgentStatus(AGENT).text("onhold").orElseThrow());
        assertEquals("oncall", eccp.getAgentStatus(AGENT).text("status").orElseThrow());
    }

    @Test
    @Order(6)
    void anAttendedTransferThatDoesNotCompleteIsReportedAndTheCallStaysWithTheAgent() {
        browser.type("Transfer to extension", "5555");
        browser.button("Attended transfer").click();
        browser.awaitText("Message", "Consulting 5555");
        browser.await("atxferfailed on the page", d -> {
            pbx.simulator().advance(Duration.ofMillis(500)); // the digits, then Asterisk's digit timeout
            return browser.region("Message").getText().contains("Attended transfer to 5555 failed");
        });
        browser.awaitText("Message", "the call is back with the agent");
        browser.awaitText("Agent status", "On call");
    }

    @Test
    @Order(8)
    void theAgentHangsUpAndTheCallStaysOnScreenUntilTheNextOne() {
        String callId = currentCallId();
        browser.button("Hang up").click();
        browser.awaitText("Current call", "Ended");
        browser.awaitText("Agent status", "Ready");
        assertEquals(callId, currentCallId(), "the form stays for the wrap-up");
        Awaits.until("the call finished in the database", WAIT, () -> "terminada".equals(
                Sql.value(pbx.dataSource(), "SELECT status FROM call_entry WHERE id = ?", callId)));
        assertTrue(browser.button("Hang up").getAttribute("disabled") != null, "nothing left to hang up");
    }

    @Test
    @Order(9)
    void aBlindTransferHandsTheCallToTheExtensionAndFreesTheAgent() {
        String previous = currentCallId();
        pbx.simulator().inboundCall("042345679", "8001", Duration.ofSeconds(900));
        pbx.simulator().advance(Duration.ofSeconds(3));
        browser.awaitText("Current call", "042345679");
        String callId = currentCallId();
        assertNotEquals(previous, callId, "the new call replaced the old one");

        WebElement extension = browser.field("Transfer to extension");
        extension.clear();
        extension.sendKeys("1002", Keys.ENTER); // Enter in the field is the blind transfer
        browser.awaitText("Message", "Transferred to 1002.");
        browser.awaitText("Current call", "Ended");
        browser.awaitText("Agent status", "Ready");
        Awaits.until("the call finished with its transfer", WAIT, () -> "1002".equals(
                Sql.value(pbx.dataSource(), "SELECT transfer FROM call_entry WHERE id = ?", callId)));
        pbx.simulator().advance(Duration.ofSeconds(2)); // 1002 answers the customer
        Awaits.until("the customer talking with 1002", WAIT, () -> pbx.simulator().channelNames().stream()
                .anyMatch(name -> name.startsWith("Local/1002@agents-")));
    }

    @Test
    @Order(10)
    void aCompletedAttendedTransferEndsTheAgentsCall() throws Exception {
        pbx.simulator().inboundCall("042345680", "8001", Duration.ofSeconds(900));
        pbx.simulator().advance(Duration.ofSeconds(3));
        browser.awaitText("Current call", "042345680");
        String callId = currentCallId();

        // 1002 still talks with the customer transferred to it before.
        browser.type("Transfer to extension", "1003");
        browser.button("Attended transfer").click();
        browser.awaitText("Message", "Consulting 1003");
        pbx.simulator().advance(Duration.ofSeconds(3)); // 1003 answers the consultation
        try {
            Awaits.until("the consultation with 1003", WAIT, () -> pbx.simulator().channelNames().stream()
                    .anyMatch(name -> name.startsWith("Local/1003@agents-")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; channels: " + pbx.simulator().channelNames(), e);
        }
        // The agent completes the transfer the Asterisk way: it hangs up its phone.
        String transferer = pbx.simulator().channelNames().stream()
                .filter(name -> name.startsWith("Local/1001@agents-") && name.endsWith(";1")).findFirst().orElseThrow();
        pbx.gateway().send(new PbxAction.Hangup(transferer, 16)).get(10, TimeUnit.SECONDS);
        pbx.simulator().advance(Duration.ofSeconds(1));

        browser.awaitText("Current call", "Ended");
        browser.awaitText("Agent status", "Ready");
        Awaits.until("the call finished with its transfer", WAIT, () -> "1003".equals(
                Sql.value(pbx.dataSource(), "SELECT transfer FROM call_entry WHERE id = ?", callId)));
    }

    @Test
    @Order(11)
    void aReconnectedConsoleShowsTheCurrentStateFromTheSnapshot() {
        // The page is reloaded (a lost connection, a new tab): it logs in again and attaches to
        // the agent, who is still logged in, without a second loginagent.
        browser.go("/console/");
        browser.connectAs("agentconsole", "agentconsole");
        browser.logInAgent(AGENT, "1001", "demo");
        eccp.pauseAgent(new org.dialerd.eccp.client.AgentCredentials(AGENT, "demo"), 3);
        browser.awaitText("Agent status", "On break: Bathroom"); // a break taken elsewhere shows live
        browser.button("Resume").click();
        browser.awaitText("Agent status", "Ready");
    }

    @Test
    @Order(12)
    void theAgentLogsOut() {
        browser.button("Log out agent").click();
        browser.region("Agent login");
        assertEquals("offline", eccp.getAgentStatus(AGENT).text("status").orElseThrow());
    }

    private static String currentCallId() {
        WebElement facts = browser.region("Current call");
        String text = facts.getText();
        int at = text.indexOf("Call id");
        assertTrue(at >= 0, text);
        return text.substring(at + "Call id".length()).trim().split("\\s+")[0];
    }

    private static List<String> formData(String callId) {
        return Sql.rows(pbx.dataSource(), "SELECT CONCAT(id_form_field, '=', value) FROM form_data_recolected_entry"
                + " WHERE id_call_entry = ? ORDER BY id_form_field", callId);
    }

    private static void assertNoHorizontalScroll() {
        Number overflow = (Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow.intValue(), "the page scrolls sideways at " + Browser.WIDTH + "×" + Browser.HEIGHT);
    }

    private static void assertFocusIsVisible() {
        String outline = String.valueOf(browser.script(
                "const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth"));
        assertNotEquals("none 0px", outline, "the focused control shows its focus");
        assertTrue(outline.startsWith("solid"), outline);
    }
}
