package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A campaign call in the browser console: the dialer of a whole dialerd calls the demo
 * campaign's numbers (the simulated customers answer after 2 s), the agent sees the call's
 * attributes and form 1 (every field type, defaults filled), saves it into
 * {@code form_data_recolected} and schedules a call back, which becomes a scheduled
 * {@code calls} row.
 */
class OutgoingCallConsoleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static PbxHarness pbx;
    private static Browser browser;

    @BeforeAll
    static void start() {
        pbx = PbxHarness.startMonitoredWithDialer("sql/demo-data.sql");
        browser = Browser.open("http://127.0.0.1:" + pbx.httpPort());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.screenshot(Path.of("target", "browser", "console-outgoing.png"));
            browser.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    @Test
    void anAgentTakesACampaignCallSavesItsFormAndSchedulesACallBack() {
        browser.go("/console/");
        browser.connectAs("agentconsole", "agentconsole");
        browser.logInAgent("SIP/1003", "1003", "demo");

        // The dialer places a call for the free agent; the customer answers after 2 s.
        browser.await("a campaign call on screen", d -> {
            pbx.simulator().advance(Duration.ofMillis(500));
            return browser.region("Current call").getText().contains("Outgoing");
        });
        browser.awaitText("Current call", "Demo outgoing campaign");
        browser.awaitText("Current call", "Hello, this is the outgoing demo script.");
        browser.awaitText("Call attributes", "Nombre");
        String callId = callId();
        String phone = Sql.value(pbx.dataSource(), "SELECT phone FROM calls WHERE id = ?", callId);
        browser.awaitText("Current call", phone);

        assertEquals("Sin comentarios", browser.field("Comentarios").getAttribute("value"), "default value");
        assertEquals("Guayaquil", browser.field("Ciudad").getAttribute("value"));
        assertEquals(List.of("(choose)", "Internet", "Telefonía", "Televisión"),
                new Select(browser.field("Producto")).getOptions().stream().map(WebElement::getText).toList());
        assertEquals("date", browser.field("Fecha de visita").getAttribute("type"));
        browser.awaitText("Call form", "Datos adicionales");

        browser.type("Nombre del cliente", "Zoila Chacha");
        new Select(browser.field("Producto")).selectByVisibleText("Telefonía");
        browser.field("Fecha de visita").sendKeys("12242026");
        browser.type("Comentarios", "Quiere cambiar de plan");
        browser.button("Save form").click();
        browser.awaitText("Message", "Form saved.");
        Awaits.until("the form's rows", WAIT, () -> formData(callId).size() == 5);
        assertEquals(List.of("1=Zoila Chacha", "2=Telefonía", "3=2026-12-24", "4=Quiere cambiar de plan",
                "6=Guayaquil"), formData(callId));

        browser.driver().findElement(org.openqa.selenium.By.tagName("summary")).click();
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        WebElement day = browser.field("Call back on");
        day.sendKeys(String.format("%02d%02d%04d", tomorrow.getMonthValue(), tomorrow.getDayOfMonth(),
                tomorrow.getYear()));
        browser.type("New phone (optional)", "5559876");
        browser.button("Schedule call back").click();
        browser.awaitText("Message", "Call back scheduled on " + tomorrow);
        Awaits.until("the scheduled call", WAIT, () -> "1".equals(Sql.value(pbx.dataSource(),
                "SELECT COUNT(*) FROM calls WHERE phone = '5559876' AND scheduled = 1 AND agent = 'SIP/1003'"
                        + " AND date_init = ? AND time_init = '09:00:00' AND time_end = '18:00:00'", tomorrow.toString())));

        browser.button("Hang up").click();
        browser.awaitText("Current call", "Ended");
        assertTrue(browser.region("Current call").getText().contains(callId), "the ended call stays for the wrap-up");
        browser.button("Log out agent").click();
        browser.region("Agent login");
    }

    private static String callId() {
        String text = browser.region("Current call").getText();
        int at = text.indexOf("Call id");
        assertTrue(at >= 0, text);
        return text.substring(at + "Call id".length()).trim().split("\\s+")[0];
    }

    private static List<String> formData(String callId) {
        return Sql.rows(pbx.dataSource(), "SELECT CONCAT(id_form_field, '=', value) FROM form_data_recolected"
                + " WHERE id_calls = ? ORDER BY id_form_field", callId);
    }
}
