package org.dialerd.it.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.dialer.GroundTruth.Row;
import org.dialerd.sim.Scenario;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole outgoing campaign, 1,000 numbers with scripted outcomes (sql/campaign-run.sql), run to
 * the end on the simulator's virtual clock: the test advances time one second at a time and,
 * after each step, waits until dialerd has written everything the PBX did and has filled the
 * free channels again. The PBX's own events are the ground truth ({@link GroundTruth}); at the
 * end every call's status, tries, failure cause and talk time, the progress log and the
 * campaign's statistics must say exactly what happened, and the campaign's channels never
 * exceeded max_canales.
 *
 * <p>Measured: 1,300 originates over 830 virtual seconds (830 steps) in about 30 s of real time.
 */
class CampaignRunIT {
    private static final Logger log = LoggerFactory.getLogger(CampaignRunIT.class);

    /** The seed's size: not to be shrunk to make the run faster. */
    private static final int CALLS = 1000;
    private static final int CAMPAIGN = 1;
    private static final int TRIES = 2;
    private static final int MAX_CHANNELS = 8;
    private static final int AGENTS = 10;
    /** dialer.llamada_corta in the seed. */
    private static final int SHORT_CALL_SECONDS = 4;
    private static final String CONTEXT = "campaign-run";
    private static final Duration STEP = Duration.ofSeconds(1);
    private static final int STEP_BUDGET = 3_000;
    /** Real time dialerd gets to catch up with one step. */
    private static final Duration SETTLE = Duration.ofSeconds(20);
    /** A dialer round every 20 ms of real time: the run is bounded by how fast dialerd catches up. */
    private static final DialerSettings DIALER = new DialerSettings("Local/{phone}@" + CONTEXT, Duration.ofMillis(20),
            PbxHarness.DIALER_UNIQUEID_PREFIX);

    /** The outcomes the seed's numbers ask for, by their first two digits. */
    private static void addCustomers(Scenario scenario) {
        scenario.dialplan().context(CONTEXT)
                .exten("_61XXXXX", "NoOp()", "Ringing()", "Wait(1)", "Answer()", "Wait(7)", "Hangup()")
                .exten("_62XXXXX", "NoOp()", "Ringing()", "Wait(1)", "Answer()", "Wait(2)", "Hangup()")
                .exten("_63XXXXX", "NoOp()", "Busy(10)")
                .exten("_64XXXXX", "NoOp()", "Ringing()", "Wait(60)", "Hangup()")
                .exten("_65XXXXX", "NoOp()", "Congestion(10)")
                .exten("_66XXXXX", "NoOp()", "Ringing()", "Wait(1)", "Hangup(21)");
    }

    @Test
    void campaignRunsToTheEndAndTheDatabaseMatchesWhatThePbxDid() throws Exception {
        long startedNanos = System.nanoTime();
        try (PbxHarness pbx = PbxHarness.startWithDialer(CampaignRunIT::addCustomers, DIALER, "sql/campaign-run.sql")) {
            Db db = new Db(pbx);
            Map<String, Long> callIds = db.callIds();
            assertEquals(CALLS, callIds.size(), "the seed's calls");
            GroundTruth truth = new GroundTruth(callIds.keySet(), CONTEXT, TRIES, SHORT_CALL_SECONDS);
            pbx.simulator().onEvent(truth);

            List<EccpClient> consoles = new ArrayList<>();
            try {
                for (int i = 1; i <= AGENTS; i++) {
                    String extension = String.valueOf(1000 + i);
                    EccpClient console = EccpClient.connect("127.0.0.1", pbx.eccpPort());
                    consoles.add(console);
                    console.login("agentconsole", "agentconsole");
                    assertEquals("logged-in", console.loginAgent(new AgentCredentials("SIP/" + extension, "demo"),
                            extension).text("status").orElseThrow());
                }
                int steps = run(pbx, db, truth);
                log.info("campaign of {} calls finished after {} steps ({} s virtual) in {} ms", CALLS, steps,
                        pbx.simulator().nowMillis() / 1000, (System.nanoTime() - startedNanos) / 1_000_000);
                assertMatches(db, truth, callIds);
            } finally {
                consoles.forEach(EccpClient::close);
            }
        }
    }

    /** Advances the clock step by step until the campaign is finished; returns the steps taken. */
    private static int run(PbxHarness pbx, Db db, GroundTruth truth) {
        settle(db, truth, "the agents' login");
        for (int step = 1; step <= STEP_BUDGET; step++) {
            pbx.simulator().advance(STEP);
            long sampled = pbx.simulator().channelNames().stream()
                    .filter(name -> name.contains("@" + CONTEXT + "-") && name.endsWith(";1")).count();
            assertTrue(sampled <= MAX_CHANNELS, sampled + " campaign channels at step " + step);
            GroundTruth.Summary settled = settle(db, truth, "step " + step);
            String status = db.campaignStatus();
            if (status.equals("T")) {
                assertEquals(0, settled.live(), "campaign finished with calls in progress");
                assertEquals(0, settled.remaining(), "campaign finished with numbers left to dial");
                return step;
            }
            if (settled.live() == 0 && settled.remaining() == 0) {
                Awaits.until("campaign finished (estatus 'T')", SETTLE, () -> db.campaignStatus().equals("T"));
                return step;
            }
        }
        throw new AssertionError("campaign not finished within " + STEP_BUDGET + " steps: " + truth.summary());
    }

    /**
     * Waits until dialerd has written a progress row for everything the PBX did, and every
     * originate it logged reached the PBX, and the dialer has filled the channels it may (all
     * max_canales, or every number still to dial): then the next step can start.
     */
    private static GroundTruth.Summary settle(Db db, GroundTruth truth, String what) {
        AtomicReference<GroundTruth.Summary> settled = new AtomicReference<>();
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            Awaits.until("dialerd catching up with " + what, SETTLE, () -> {
                GroundTruth.Summary before = truth.summary();
                Map<String, Integer> written = db.progressCounts();
                GroundTruth.Summary after = truth.summary();
                assertTrue(before.mostLive() <= MAX_CHANNELS, before.mostLive() + " campaign channels at once, "
                        + what);
                last.set("PBX " + before + ", progress log " + written);
                boolean quiet = before.events() == after.events();
                boolean recorded = written.equals(before.progress());
                boolean filled = before.live() == MAX_CHANNELS || before.remaining() == 0;
                settled.set(before);
                return quiet && recorded && filled;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e);
        }
        return settled.get();
    }

    private static void assertMatches(Db db, GroundTruth truth, Map<String, Long> callIds) {
        assertEquals(List.of(), truth.unexpected(), "events the truth could not place");
        GroundTruth.Summary summary = truth.summary();
        assertTrue(summary.mostLive() <= MAX_CHANNELS, summary.mostLive() + " campaign channels at once");
        assertEquals(MAX_CHANNELS, summary.mostLive(), "the dialer used every channel it may");
        assertEquals(summary.progress(), db.progressCounts(), "progress log rows per status");

        Map<String, List<GroundTruth.Attempt>> attempts = truth.byPhone();
        Map<Long, Row> rows = db.calls();
        Map<Long, List<String>> logs = db.progressByCall();
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> finalStatuses = new TreeMap<>();
        long completed = 0;
        long talk = 0;
        for (Map.Entry<String, Long> call : callIds.entrySet()) {
            List<GroundTruth.Attempt> tries = attempts.get(call.getKey());
            Row row = rows.get(call.getValue());
            if (tries.size() > TRIES) {
                mismatches.add("call " + call.getValue() + " (" + call.getKey() + ") dialled " + tries.size()
                        + " times, the campaign allows " + TRIES);
            }
            Row expected = GroundTruth.expectedRow(tries, SHORT_CALL_SECONDS);
            if (!expected.equals(row)) {
                mismatches.add("call " + call.getValue() + " (" + call.getKey() + "): expected " + expected
                        + ", database " + row);
            }
            List<String> expectedLog = new ArrayList<>();
            for (GroundTruth.Attempt attempt : tries) {
                attempt.progress(SHORT_CALL_SECONDS).forEach(status -> expectedLog.add(status + "#" + attempt.number));
            }
            if (!expectedLog.equals(logs.getOrDefault(call.getValue(), List.of()))) {
                mismatches.add("call " + call.getValue() + " progress: expected " + expectedLog + ", database "
                        + logs.get(call.getValue()));
            }
            finalStatuses.merge(expected.status(), 1, Integer::sum);
            for (GroundTruth.Attempt attempt : tries) {
                if (attempt.status(SHORT_CALL_SECONDS).equals("Success")) {
                    completed++;
                    talk += attempt.talkSeconds;
                }
            }
        }
        log.info("final statuses {}, progress rows {}", finalStatuses, summary.progress());
        assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())),
                mismatches.size() + " calls differ from what the PBX did");
        assertTrue(finalStatuses.keySet().containsAll(List.of("Success", "ShortCall", "Failure", "NoAnswer")),
                "every scripted outcome occurred: " + finalStatuses);
        assertEquals(List.of(String.valueOf(completed), String.valueOf(Math.round((double) talk / completed))),
                db.campaignStats(), "num_completadas and promedio");
        assertEquals("0", db.column("SELECT COUNT(*) FROM current_calls"), "current_calls after the run");
    }

    /** The test's reads of the campaign's tables. */
    private record Db(PbxHarness pbx) {
        Map<String, Long> callIds() {
            Map<String, Long> ids = new LinkedHashMap<>();
            query("SELECT phone, id FROM calls WHERE id_campaign = " + CAMPAIGN + " ORDER BY id",
                    r -> ids.put(r.getString(1), r.getLong(2)));
            return ids;
        }

        Map<String, Integer> progressCounts() {
            Map<String, Integer> counts = new TreeMap<>();
            query("SELECT new_status, COUNT(*) FROM call_progress_log WHERE id_campaign_outgoing = " + CAMPAIGN
                    + " GROUP BY new_status", r -> counts.put(r.getString(1), r.getInt(2)));
            return counts;
        }

        Map<Long, List<String>> progressByCall() {
            Map<Long, List<String>> rows = new LinkedHashMap<>();
            query("SELECT id_call_outgoing, new_status, retry FROM call_progress_log WHERE id_campaign_outgoing = "
                    + CAMPAIGN + " ORDER BY id", r -> rows.computeIfAbsent(r.getLong(1), id -> new ArrayList<>())
                    .add(r.getString(2) + "#" + r.getInt(3)));
            return rows;
        }

        Map<Long, Row> calls() {
            Map<Long, Row> rows = new LinkedHashMap<>();
            query("SELECT id, status, retries, failure_cause, failure_cause_txt, duration FROM calls "
                    + "WHERE id_campaign = " + CAMPAIGN, r -> rows.put(r.getLong(1), new Row(r.getString(2),
                    r.getInt(3), (Integer) nullable(r.getInt(4), r), r.getString(5),
                    (Long) nullable(r.getLong(6), r))));
            return rows;
        }

        String campaignStatus() {
            return column("SELECT estatus FROM campaign WHERE id = " + CAMPAIGN);
        }

        List<String> campaignStats() {
            List<String> values = new ArrayList<>();
            query("SELECT num_completadas, promedio FROM campaign WHERE id = " + CAMPAIGN, r -> {
                values.add(r.getString(1));
                values.add(r.getString(2));
            });
            return values;
        }

        String column(String sql) {
            List<String> values = new ArrayList<>();
            query(sql, r -> values.add(r.getString(1)));
            return values.isEmpty() ? "" : values.get(0);
        }

        private static Object nullable(Object value, ResultSet r) throws SQLException {
            return r.wasNull() ? null : value;
        }

        private void query(String sql, RowReader reader) {
            try (Connection c = pbx.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }
}
