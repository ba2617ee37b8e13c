package org.dialerd.it.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Issabel web UI writes the tables directly and tells dialerd nothing: a change made with
 * plain SQL shows in the ECCP answers within 1 s (the reference-table check runs every 500 ms).
 */
class WebUiEditsIT {
    /** The promise: within 1 s. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** Generous start for the first answer (a loaded build machine). */
    private static final Duration FIRST = Duration.ofSeconds(20);

    private static PbxHarness pbx;
    private static EccpClient eccp;

    @BeforeAll
    static void start() {
        pbx = PbxHarness.start("sql/demo-data.sql");
        eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
    }

    @AfterAll
    static void stop() {
        eccp.close();
        pbx.close();
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = pbx.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static String campaignName(String type, int id) {
        EccpResponse answer = eccp.getCampaignInfo(type, id);
        return answer.isSuccess() ? answer.text("name").orElse("") : "failure " + answer.failure().orElseThrow();
    }

    /** Awaits the condition from the moment the edit is committed, for at most 1 s. */
    private static void withinASecond(String what, java.util.function.BooleanSupplier condition) {
        long start = System.nanoTime();
        Awaits.until(what, WITHIN, condition);
        System.out.printf("%s: seen after %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aRenamedCampaignShowsInGetcampaigninfoAndGetcampaignlistWithinASecond() throws Exception {
        Awaits.until("the demo campaign", FIRST, () -> campaignName("outgoing", 1).equals("Demo outgoing campaign"));
        sql("UPDATE campaign SET name = 'Renamed in the web UI' WHERE id = 1");
        withinASecond("getcampaigninfo renamed", () -> campaignName("outgoing", 1).equals("Renamed in the web UI"));
        withinASecond("getcampaignlist renamed", () -> eccp.getCampaignList("outgoing", null, null, null, null, null,
                null).body().toString().contains("Renamed in the web UI"));
        sql("UPDATE campaign SET name = 'Demo outgoing campaign' WHERE id = 1");
        withinASecond("getcampaigninfo back", () -> campaignName("outgoing", 1).equals("Demo outgoing campaign"));
    }

    @Test
    void aNewBreakAndADeactivatedOneShowInGetpausesWithinASecond() throws Exception {
        Awaits.until("the demo breaks", FIRST, () -> eccp.getPauses().body().toString().contains("Lunch"));
        sql("INSERT INTO `break` (id, name, description, status, tipo) VALUES (40, 'Coaching', 'x', 'A', 'B')");
        withinASecond("getpauses lists the new break", () -> eccp.getPauses().body().toString().contains("Coaching"));
        sql("DELETE FROM `break` WHERE id = 40");
        withinASecond("getpauses without it", () -> !eccp.getPauses().body().toString().contains("Coaching"));
    }

    @Test
    void aCampaignDeletedWithSqlAnswersTheReferencesFailure() throws Exception {
        sql("INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries, trunk,"
                + " context, queue, max_canales, script, estatus) VALUES (77, 'Short lived', '2026-01-01',"
                + " '2026-12-31', '09:00:00', '18:00:00', 1, NULL, 'from-internal', '8000', 0, 's', 'A')");
        withinASecond("the new campaign answers", () -> campaignName("outgoing", 77).equals("Short lived"));
        sql("DELETE FROM campaign WHERE id = 77");
        withinASecond("the deleted campaign is not found",
                () -> campaignName("outgoing", 77).startsWith("failure"));
        EccpResponse gone = eccp.getCampaignInfo("outgoing", 77);
        assertEquals(new EccpResponse.Failure(404, "Campaign not found"), gone.failure().orElseThrow());
        assertTrue(gone.body().toString().contains("getcampaigninfo_response"), "wrapped, as the reference answers");
    }
}
