package org.dialerd.it.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.sim.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The 2-second rule end to end on the simulator: one agent, four answered calls (the dialer
 * places three more than its free agents). The agent takes one at once; the three others are
 * still waiting in the campaign queue 2 s after the answer, so they are redirected to the
 * campaign's safe-harbour context, whose dialplan plays the message and hangs up, and they count
 * abandoned: in getcampaignabandonstatus, /api/v1, /metrics, and again after dialerd restarts on
 * the same database.
 *
 * <p>Virtual time moves in jumps the test makes; dialerd stamps an event with the virtual time
 * at which it handles it, so an answer and a link within one jump are at the same instant.
 */
class SafeHarbourIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CUSTOMERS = "harbour-customers";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Customers answer after 1 s and talk 12 s; the message answers, plays, waits 2 s and hangs up. */
    private static void addDialplan(Scenario scenario) {
        scenario.dialplan().context(CUSTOMERS)
                .exten("_X.", "NoOp()", "Ringing()", "Wait(1)", "Answer()", "Wait(12)", "Hangup()");
        scenario.dialplan().context("safe-harbour")
                .exten("s", "Answer()", "Playback(dialerd/safe-harbour)", "Wait(2)", "Hangup()");
    }

    @Test
    void callsNoAgentTakesInTwoSecondsHearTheMessageAndCountAbandonedAcrossARestart() throws Exception {
        DialerSettings dialer = new DialerSettings("Local/{phone}@" + CUSTOMERS, Duration.ofMillis(200),
                PbxHarness.DIALER_UNIQUEID_PREFIX);
        try (PbxHarness pbx = PbxHarness.startMonitoredWithDialer(SafeHarbourIT::addDialplan, dialer,
                "sql/demo-data.sql", "sql/safe-harbour.sql")) {
            List<String> messages = new CopyOnWriteArrayList<>();
            pbx.simulator().onEvent(event -> {
                if ("Newexten".equals(event.get("Event").orElse("")) && "safe-harbour".equals(event.get("Context").orElse(""))) {
                    messages.add(event.get("Application").orElse("") + " " + event.get("Channel").orElse(""));
                }
            });
            AgentCredentials agent = new AgentCredentials("SIP/1001", "demo");
            long[] earlier = new long[2];
            try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
                eccp.login("agentconsole", "agentconsole");
                // Demo data: yesterday's answered calls are in the 30 days (rebuilt at start), not today.
                XmlElement before = abandonStatus(eccp);
                assertAbandoned(before, "today", 0, 0);
                XmlElement month = before.child("last_30_days").orElseThrow();
                earlier[0] = Long.parseLong(month.childText("answered").orElseThrow());
                earlier[1] = Long.parseLong(month.childText("abandoned").orElseThrow());
                assertEquals("logged-in", eccp.loginAgent(agent, "1001").text("status").orElseThrow());

                until(pbx, "four calls placed", WAIT, () -> count(pbx, "status = 'Placing'") == 4);
                until(pbx, "the originates reached the PBX", WAIT, () -> pbx.simulator().channelNames().stream()
                        .filter(name -> name.contains("@" + CUSTOMERS) && name.endsWith(";1")).count() == 4);
                pbx.simulator().advance(Duration.ofSeconds(4)); // all answer and queue; the agent takes one
                until(pbx, "one call with the agent, three waiting", WAIT, () ->
                        count(pbx, "status = 'Success'") == 1 && count(pbx, "status = 'OnQueue'") == 3);
                eccp.pauseAgent(agent, 2); // no further calls after this one
                assertAbandoned(abandonStatus(eccp), earlier, 4, 0);

                pbx.simulator().advance(Duration.ofSeconds(3)); // 2 s after the answers: the rule is broken
                until(pbx, "three calls sent to the safe harbour", WAIT, () ->
                        count(pbx, "failure_cause_txt = 'SafeHarbour'") == 3);
                assertAbandoned(abandonStatus(eccp), earlier, 4, 3);
                assertEquals(3, count(pbx, "status = 'OnQueue'"), "followed until the message hangs up");

                pbx.simulator().advance(Duration.ofSeconds(4)); // the message's dialplan hangs up
                until(pbx, "the redirected calls ended abandoned", WAIT, () ->
                        count(pbx, "status = 'Abandoned' AND failure_cause_txt = 'SafeHarbour' "
                                + "AND end_time IS NOT NULL") == 3);
                assertEquals(3, messages.stream().filter(m -> m.startsWith("Playback ")).count(), messages.toString());
                assertEquals(3, messages.stream().filter(m -> m.startsWith("Hangup ")).count(), messages.toString());

                pbx.simulator().advance(Duration.ofSeconds(8)); // the agent's customer hangs up
                until(pbx, "the agent's call ended", WAIT, () -> count(pbx, "status = 'Success' "
                        + "AND end_time IS NOT NULL") == 1);
                assertAbandoned(abandonStatus(eccp), earlier, 4, 3);
            }
            String metrics = get(pbx, "/metrics", null);
            assertTrue(metrics.contains("dialerd_campaign_abandoned_calls{campaign=\"1\",window=\"today\"} 3.0"),
                    metrics);
            assertTrue(metrics.contains("dialerd_campaign_answered_calls{campaign=\"1\",window=\"30d\"} "
                    + (earlier[0] + 4) + ".0"), metrics);
            assertTrue(metrics.contains("dialerd_dialer_safe_harbour_total{campaign=\"1\"} 3.0"), metrics);
            String api = get(pbx, "/api/v1/campaigns/outgoing/1/abandoned", token(pbx));
            assertTrue(api.contains("\"abandoned\":\"3\""), api);

            // A restart on the same database: the figures are rebuilt from the progress rows.
            pbx.dialerd().close();
            pbx.gateway().close();
            pbx.startDialerd();
            try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
                eccp.login("agentconsole", "agentconsole");
                assertAbandoned(abandonStatus(eccp), earlier, 4, 3);
            }
            String after = get(pbx, "/metrics", null);
            assertTrue(after.contains("dialerd_campaign_abandoned_calls{campaign=\"1\",window=\"today\"} 3.0"), after);
            assertTrue(after.contains("dialerd_campaign_abandon_rate{campaign=\"1\",window=\"today\"} 0.75"), after);
            assertTrue(after.contains("dialerd_campaign_abandoned_calls{campaign=\"1\",window=\"30d\"} "
                    + (earlier[1] + 3) + ".0"), after);
        }
    }

    /** Awaits a condition; a timeout names the campaign's calls as the database has them. */
    private static void until(PbxHarness pbx, String what, Duration max, java.util.function.BooleanSupplier done) {
        try {
            Awaits.until(what, max, done);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; calls (status/cause): " + statuses(pbx), e);
        }
    }

    private static List<String> statuses(PbxHarness pbx) {
        try (Connection c = pbx.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, status, failure_cause_txt, fecha_llamada, start_time "
                     + "FROM calls WHERE id_campaign = 1 AND id <= 50 AND status IS NOT NULL ORDER BY id");
             ResultSet r = s.executeQuery()) {
            List<String> rows = new java.util.ArrayList<>();
            while (r.next()) {
                rows.add(r.getLong(1) + ":" + r.getString(2) + "/" + r.getString(3) + "@" + r.getString(4) + "-"
                        + r.getString(5));
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static XmlElement abandonStatus(EccpClient eccp) {
        EccpResponse answer = eccp.request("getcampaignabandonstatus", "campaign_id", 1);
        assertTrue(answer.isSuccess(), answer.toString());
        return answer.body();
    }

    /** Today's figures, and the 30 days' as {@code earlier} (the days before) plus today's. */
    private static void assertAbandoned(XmlElement status, long[] earlier, long answered, long abandoned) {
        assertAbandoned(status, "today", answered, abandoned);
        assertAbandoned(status, "last_30_days", earlier[0] + answered, earlier[1] + abandoned);
        assertEquals("3.00", status.childText("target_pct").orElseThrow());
        assertEquals(earlier[1] + abandoned > 0 ? "yes" : "no", status.childText("over_target").orElseThrow());
    }

    private static void assertAbandoned(XmlElement status, String window, long answered, long abandoned) {
        XmlElement tally = status.child(window).orElseThrow();
        assertEquals(String.valueOf(answered), tally.childText("answered").orElseThrow(), window + ": " + status);
        assertEquals(String.valueOf(abandoned), tally.childText("abandoned").orElseThrow(), window + ": " + status);
    }

    private static String token(PbxHarness pbx) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri(pbx, "/api/v1/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"agentconsole\",\"password\":\"agentconsole\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String body = created.body();
        int at = body.indexOf("\"token\":\"") + 9;
        return body.substring(at, body.indexOf('"', at));
    }

    private static String get(PbxHarness pbx, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pbx, path)).GET().timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static URI uri(PbxHarness pbx, String path) {
        return URI.create("http://127.0.0.1:" + pbx.httpPort() + path);
    }

    private static int count(PbxHarness pbx, String where) {
        try (Connection c = pbx.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM calls WHERE id_campaign = 1 AND id <= 50 AND " + where);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
