package org.dialerd.it.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.it.Awaits;
import org.dialerd.it.DemoDialerd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Issabel web UI writes the tables directly and tells dialerd nothing: a change made with
 * plain SQL shows in the ECCP answers within 1 s. The promise is kept by the reference-table
 * check and the answer cache's change check, which run every 500 ms (their intervals,
 * {@code ReferenceRefresh.DEFAULT_INTERVAL} and {@code AnswerCache.CHECK_INTERVAL}): an edit
 * shows once a check that started after its commit has ended. That is what these tests assert,
 * counted in checks; how many milliseconds it took is printed, not asserted, since a loaded
 * build machine runs a check late or slowly (a check that ran late missed the 1 s once).
 */
class WebUiEditsIT {
    /** Generous start for the first answer, and for the checks (a loaded build machine). */
    private static final Duration FIRST = Duration.ofSeconds(20);

    @RegisterExtension
    static final DemoDialerd dialerd = DemoDialerd.withConsole();

    private static String campaignName(String type, int id) {
        EccpResponse answer = dialerd.eccp().getCampaignInfo(type, id);
        return answer.isSuccess() ? answer.text("name").orElse("") : "failure " + answer.failure().orElseThrow();
    }

    /**
     * The edit committed just before shows once a reference check and an answer check that
     * started after the commit have ended: each count moved by two (the first may have started
     * before the commit).
     */
    private static void withinASecond(String what, java.util.function.BooleanSupplier condition) {
        long start = System.nanoTime();
        long references = dialerd.pbx().persistence().reference().checks();
        long answers = dialerd.pbx().persistence().answers().checks();
        Awaits.until("a reference check and an answer check after the edit (" + what + ")", FIRST,
                () -> dialerd.pbx().persistence().reference().checks() >= references + 2
                        && dialerd.pbx().persistence().answers().checks() >= answers + 2);
        long checked = (System.nanoTime() - start) / 1_000_000;
        assertTrue(condition.getAsBoolean(), what + ": not shown after the first checks that started after the edit");
        System.out.printf("%s: shown by the checks after the edit, %d ms after it%n", what, checked);
    }

    @Test
    void aRenamedCampaignShowsInGetcampaigninfoAndGetcampaignlistWithinASecond() throws Exception {
        Awaits.until("the demo campaign", FIRST, () -> campaignName("outgoing", 1).equals("Demo outgoing campaign"));
        dialerd.sql("UPDATE campaign SET name = 'Renamed in the web UI' WHERE id = 1");
        withinASecond("getcampaigninfo renamed", () -> campaignName("outgoing", 1).equals("Renamed in the web UI"));
        withinASecond("getcampaignlist renamed", () -> dialerd.eccp().getCampaignList("outgoing", null, null, null,
                null, null, null).body().toString().contains("Renamed in the web UI"));
        dialerd.sql("UPDATE campaign SET name = 'Demo outgoing campaign' WHERE id = 1");
        withinASecond("getcampaigninfo back", () -> campaignName("outgoing", 1).equals("Demo outgoing campaign"));
    }

    @Test
    void aNewBreakAndADeactivatedOneShowInGetpausesWithinASecond() throws Exception {
        Awaits.until("the demo breaks", FIRST, () -> dialerd.eccp().getPauses().body().toString().contains("Lunch"));
        dialerd.sql("INSERT INTO `break` (id, name, description, status, tipo) VALUES (40, 'Coaching', 'x', 'A', 'B')");
        withinASecond("getpauses lists the new break",
                () -> dialerd.eccp().getPauses().body().toString().contains("Coaching"));
        dialerd.sql("DELETE FROM `break` WHERE id = 40");
        withinASecond("getpauses without it", () -> !dialerd.eccp().getPauses().body().toString().contains("Coaching"));
    }

    @Test
    void aCampaignDeletedWithSqlAnswersTheReferencesFailure() throws Exception {
        dialerd.sql("INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,"
                + " trunk, context, queue, max_canales, script, estatus) VALUES (77, 'Short lived', '2026-01-01',"
                + " '2026-12-31', '09:00:00', '18:00:00', 1, NULL, 'from-internal', '8000', 0, 's', 'A')");
        withinASecond("the new campaign answers", () -> campaignName("outgoing", 77).equals("Short lived"));
        dialerd.sql("DELETE FROM campaign WHERE id = 77");
        withinASecond("the deleted campaign is not found",
                () -> campaignName("outgoing", 77).startsWith("failure"));
        EccpResponse gone = dialerd.eccp().getCampaignInfo("outgoing", 77);
        assertEquals(new EccpResponse.Failure(404, "Campaign not found"), gone.failure().orElseThrow());
        assertTrue(gone.body().toString().contains("getcampaigninfo_response"), "wrapped, as the reference answers");
    }

    private static long count(EccpResponse status, String name) {
        return Long.parseLong(status.orThrow().child("statuscount").orElseThrow().childText(name).orElseThrow());
    }

    private static long serverSeconds(Statement s) throws Exception {
        try (java.sql.ResultSet row = s.executeQuery("SELECT UNIX_TIMESTAMP()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long serverSecondsNow() {
        try (Connection c = dialerd.pbx().dataSource().getConnection(); Statement s = c.createStatement()) {
            return serverSeconds(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long globalSelects() throws Exception {
        try (Connection c = dialerd.pbx().dataSource().getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet row = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_select'")) {
            row.next();
            return row.getLong(2);
        }
    }

    /**
     * getcampaignstatus is answered from the answer cache (repeated asks read no table), and a call
     * the web UI inserts or whose status it changes with plain SQL shows within 1 s.
     */
    @Test
    void callsChangedWithSqlShowInACachedGetcampaignstatusWithinASecond() throws Exception {
        dialerd.sql("INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,"
                + " trunk, context, queue, max_canales, script, estatus) VALUES (78, 'Uploaded', '2026-01-01',"
                + " '2026-12-31', '09:00:00', '18:00:00', 1, NULL, 'from-internal', '8000', 0, 's', 'I')");
        dialerd.sql("INSERT INTO calls (id, id_campaign, phone, retries, dnc) VALUES (9001, 78, '5559001', 0, 0)");
        withinASecond("the new campaign's call counted", () -> {
            EccpResponse status = dialerd.eccp().getCampaignStatus("outgoing", 78, null);
            return status.isSuccess() && count(status, "total") == 1 && count(status, "pending") == 1;
        });
        int asks = 200;
        long selectsBefore = globalSelects();
        for (int i = 0; i < asks; i++) {
            assertEquals(1, count(dialerd.eccp().getCampaignStatus("outgoing", 78, null), "total"));
        }
        long selects = globalSelects() - selectsBefore - 1;
        System.out.printf("%d getcampaignstatus: %d SELECTs on the server (background checks included)%n", asks,
                selects);
        assertTrue(selects < asks / 2, asks + " asks took " + selects + " statements: not answered from the cache");

        dialerd.sql("UPDATE calls SET status = 'Failure' WHERE id = 9001");
        withinASecond("a status changed with SQL", () -> count(dialerd.eccp().getCampaignStatus("outgoing", 78, null),
                "failure") == 1);
        dialerd.sql("INSERT INTO calls (id, id_campaign, phone, retries, dnc) VALUES (9002, 78, '5559002', 0, 0)");
        withinASecond("a call inserted with SQL", () -> count(dialerd.eccp().getCampaignStatus("outgoing", 78, null),
                "total") == 2);
        // A long web UI transaction: UPDATE_TIME is the second it started, so without the open-writer
        // count a transaction started in the same second as the INSERT above and committed later would
        // not move it. Held open until the server's clock is 3 s past its start (the check runs meanwhile).
        try (Connection web = dialerd.pbx().dataSource().getConnection(); Statement s = web.createStatement()) {
            web.setAutoCommit(false);
            s.executeUpdate("UPDATE calls SET status = 'NoAnswer' WHERE id = 9001");
            long started = serverSeconds(s);
            Awaits.until("a transaction older than 3 s", Duration.ofSeconds(20), () -> serverSecondsNow() >= started + 3);
            assertEquals(1, count(dialerd.eccp().getCampaignStatus("outgoing", 78, null), "failure"),
                    "not committed yet");
            web.commit();
        }
        withinASecond("a long transaction's edit", () -> count(dialerd.eccp().getCampaignStatus("outgoing", 78, null),
                "noanswer") == 1);
        dialerd.sql("DELETE FROM calls WHERE id_campaign = 78");
        withinASecond("the calls deleted with SQL", () -> count(dialerd.eccp().getCampaignStatus("outgoing", 78, null),
                "total") == 0);
        dialerd.sql("DELETE FROM campaign WHERE id = 78");
        withinASecond("the campaign deleted with SQL", () -> dialerd.eccp().getCampaignStatus("outgoing", 78, null)
                .failure().isPresent());
    }

    /** getcallinfo from the answer cache: an attribute edited with plain SQL shows within 1 s. */
    @Test
    void anAttributeEditedWithSqlShowsInACachedGetcallinfoWithinASecond() throws Exception {
        Awaits.until("call 101", FIRST, () -> dialerd.eccp().getCallInfo("outgoing", 1, 101).isSuccess());
        String before = dialerd.eccp().getCallInfo("outgoing", 1, 101).body().toString();
        assertTrue(before.contains("call_attributes"), before);
        dialerd.sql("UPDATE call_attribute SET value = 'Edited in the web UI'"
                + " WHERE id_call = 101 AND column_number = 1");
        withinASecond("getcallinfo shows the edit", () -> dialerd.eccp().getCallInfo("outgoing", 1, 101).body()
                .toString().contains("Edited in the web UI"));
        dialerd.sql("UPDATE call_attribute SET value = 'Back' WHERE id_call = 101 AND column_number = 1");
        withinASecond("getcallinfo shows it back", () -> dialerd.eccp().getCallInfo("outgoing", 1, 101).body()
                .toString().contains("Back"));
    }
}
