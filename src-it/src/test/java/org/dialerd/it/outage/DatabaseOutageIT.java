package org.dialerd.it.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.core.journal.DeadLetters;
import org.dialerd.core.journal.JournalSettings;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.it.TestJournals;
import org.junit.jupiter.api.Test;

/**
 * The database stopped for real (its server shut down) for a minute of wall time while agents
 * take calls (one every 2 s): every event reaches the console during the outage, agents pause
 * and unpause, reads that need the database answer 503 at once; after the server is back every
 * row is compared with what the PBX did and what the events said (0 lost, 0 duplicated, the ids
 * in the events are the rows'). The test takes a little over a minute. (Reads while the database
 * is down, under 32 sessions, are {@link ReadsDuringOutageIT}: a class of its own, so that it runs
 * beside this minute in another test JVM instead of after it.)
 */
class DatabaseOutageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AgentCredentials SIP_1001 = new AgentCredentials("SIP/1001", "demo");
    private static final AgentCredentials SIP_1002 = new AgentCredentials("SIP/1002", "demo");
    private static final int LUNCH = 2;
    /** The outage: a minute of real time with the server down. */
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    /** One answered call every this much real time while the server is down. */
    private static final Duration CALL_EVERY = Duration.ofSeconds(2);
    private static final int AT_LEAST_ANSWERED_DURING_OUTAGE = 20;

    /** What the events said about one call. */
    record Seen(String phone, String callId, String linkedLogId, String unlinkedLogId) {}

    @Test
    void callsDuringAnOutageAreAllDeliveredAndEveryRowArrivesExactlyOnceAfterIt() throws Exception {
        JournalSettings journal = TestJournals.fresh();
        try (OutageDatabase db = OutageDatabase.start("outage");
             PbxHarness pbx = PbxHarness.startOn(db.check(), db.persistence(journal));
             EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            long auditBefore = Long.parseLong(value(db, "SELECT COALESCE(MAX(id), 0) FROM audit"));
            Traffic traffic = new Traffic(pbx, eccp);
            assertEquals("logged-in", eccp.loginAgent(SIP_1001, "1001").text("status").orElseThrow());
            assertEquals("logged-in", eccp.loginAgent(SIP_1002, "1002").text("status").orElseThrow());
            Map<String, Seen> answered = new LinkedHashMap<>();
            Seen before = traffic.answeredCall("0555000100");
            answered.put(before.phone(), before);
            Awaits.until("rows of the call before the outage", WAIT, () -> pbx.dialerd().journal().pending() == 0);

            db.stop();
            long outageStart = System.nanoTime();
            assertFastFailure(eccp.getCampaignQueueWait("outgoing", 1), 503);
            assertTrue(elapsedSince(outageStart).toMillis() < 2000, "the first read of the outage answered 503 after "
                    + elapsedSince(outageStart).toMillis() + " ms");
            assertTrue(eccp.getCampaignList(null, null, null, null, null, null, null).isSuccess(),
                    "reference data answers from the rows last read");
            long pause = System.nanoTime();
            assertTrue(eccp.pauseAgent(SIP_1002, LUNCH).isSuccess(), "pause works from cached breaks and agents");
            assertTrue(eccp.unpauseAgent(SIP_1002).isSuccess());
            assertTrue(Duration.ofNanos(System.nanoTime() - pause).toMillis() < 2000, "pause and unpause at once");
            int during = 0;
            while (elapsedSince(outageStart).compareTo(OUTAGE.minusSeconds(10)) < 0) {
                during++;
                Seen seen = traffic.answeredCall("05550001" + String.format("%02d", during));
                answered.put(seen.phone(), seen);
                Duration next = CALL_EVERY.multipliedBy(during);
                Awaits.until("the next call's time in the outage", WAIT,
                        () -> elapsedSince(outageStart).compareTo(next) >= 0);
            }
            assertTrue(during >= AT_LEAST_ANSWERED_DURING_OUTAGE, during + " calls answered during the outage");
            assertTrue(eccp.pauseAgent(SIP_1001, LUNCH).isSuccess());
            assertTrue(eccp.pauseAgent(SIP_1002, LUNCH).isSuccess());
            List<String> abandoned = List.of("0555000201", "0555000202");
            abandoned.forEach(traffic::abandonedCall);
            assertTrue(eccp.unpauseAgent(SIP_1001).isSuccess());
            assertTrue(eccp.unpauseAgent(SIP_1002).isSuccess());
            Awaits.until("the applier finds the database gone", WAIT, () -> pbx.dialerd().applier().paused());
            Awaits.until("a minute of outage", OUTAGE, () -> elapsedSince(outageStart).compareTo(OUTAGE) >= 0);
            int waiting = pbx.dialerd().journal().pending();
            assertTrue(waiting >= during * 5, "records kept in the journal: " + waiting);
            long outageMillis = elapsedSince(outageStart).toMillis();

            db.restart();
            Awaits.until("the journal applied after the outage", Duration.ofSeconds(90),
                    () -> pbx.dialerd().journal().pending() == 0 && !pbx.dialerd().applier().paused());

            for (Seen call : answered.values()) {
                assertEquals(List.of(call.callId()), rows(db, "SELECT id FROM call_entry WHERE callerid = ?",
                        call.phone()), "one row for " + call.phone() + ", with the id agentlinked gave");
                assertEquals("terminada", value(db, "SELECT status FROM call_entry WHERE id = ?", call.callId()));
                assertEquals(List.of("OnQueue", "Success", "Hangup"), rows(db, "SELECT new_status FROM "
                        + "call_progress_log WHERE id_call_incoming = ? ORDER BY id", call.callId()));
                assertEquals(call.linkedLogId(), value(db, "SELECT id FROM call_progress_log WHERE "
                        + "id_call_incoming = ? AND new_status = 'Success'", call.callId()), "campaignlog_id");
                assertEquals(call.unlinkedLogId(), value(db, "SELECT id FROM call_progress_log WHERE "
                        + "id_call_incoming = ? AND new_status = 'Hangup'", call.callId()), "campaignlog_id");
            }
            for (String phone : abandoned) {
                String id = value(db, "SELECT id FROM call_entry WHERE callerid = ?", phone);
                assertEquals("abandonada", value(db, "SELECT status FROM call_entry WHERE id = ?", id));
                assertEquals(List.of("OnQueue", "Abandoned"), rows(db, "SELECT new_status FROM call_progress_log "
                        + "WHERE id_call_incoming = ? ORDER BY id", id));
            }
            int calls = answered.size() + abandoned.size();
            String ours = " IN (SELECT id FROM call_entry WHERE callerid LIKE '05550%')";
            assertEquals(String.valueOf(calls), value(db, "SELECT COUNT(*) FROM call_entry WHERE id" + ours),
                    "0 lost, 0 duplicated");
            assertEquals(String.valueOf(answered.size() * 3 + abandoned.size() * 2),
                    value(db, "SELECT COUNT(*) FROM call_progress_log WHERE id_call_incoming" + ours));
            assertEquals("0", value(db, "SELECT COUNT(*) FROM current_call_entry WHERE id_call_entry" + ours));
            assertEquals("5", value(db, "SELECT COUNT(*) FROM audit WHERE id > ?", auditBefore),
                    "two sessions and three breaks");
            assertEquals("3", value(db, "SELECT COUNT(*) FROM audit WHERE id > ? AND id_break = ? "
                    + "AND datetime_end IS NOT NULL", auditBefore, LUNCH), "the breaks taken during the outage, closed");
            assertEquals("2", value(db, "SELECT COUNT(*) FROM audit WHERE id > ? AND id_break IS NULL "
                    + "AND datetime_end IS NULL", auditBefore), "both agents' sessions still open");
            assertFalse(Files.exists(journal.dir().resolve(DeadLetters.FILE)), "nothing dead-lettered");
            org.slf4j.LoggerFactory.getLogger(DatabaseOutageIT.class).info(
                    "database down for {} ms of real time; {} records waited", outageMillis, waiting);
        }
    }

    private static Duration elapsedSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static void assertFastFailure(EccpResponse response, int code) {
        assertEquals(code, response.failure().orElseThrow().code());
    }

    private static String value(OutageDatabase db, String sql, Object... parameters) {
        return Sql.value(db.check(), sql, parameters);
    }

    private static List<String> rows(OutageDatabase db, String sql, Object... parameters) {
        return Sql.rows(db.check(), sql, parameters);
    }

    /** Drives calls through the simulator and waits for what the console must see. */
    static final class Traffic {
        private final PbxHarness pbx;
        private final LinkedBlockingQueue<XmlElement> events = new LinkedBlockingQueue<>();

        Traffic(PbxHarness pbx, EccpClient eccp) {
            this.pbx = pbx;
            eccp.login("agentconsole", "agentconsole");
            eccp.onEvent(events::add);
            eccp.callProgress(true);
        }

        /** A caller answered by a free agent, who talks 10 s until the caller hangs up. */
        Seen answeredCall(String phone) {
            pbx.simulator().inboundCall(phone, "8001", Duration.ofSeconds(12));
            pbx.simulator().advance(Duration.ofSeconds(1));
            progress(phone, "OnQueue");
            pbx.simulator().advance(Duration.ofSeconds(2));
            XmlElement linked = event("agentlinked", phone);
            pbx.simulator().advance(Duration.ofSeconds(12));
            XmlElement unlinked = event("agentunlinked", phone);
            String callId = linked.childText("call_id").orElseThrow();
            assertEquals(callId, unlinked.childText("call_id").orElseThrow());
            return new Seen(phone, callId, linked.childText("campaignlog_id").orElseThrow(),
                    unlinked.childText("campaignlog_id").orElseThrow());
        }

        /** A caller answered by a free agent, still talking; returns the call id. */
        String linkedCall(String phone) {
            pbx.simulator().inboundCall(phone, "8001", Duration.ofSeconds(600));
            pbx.simulator().advance(Duration.ofSeconds(1));
            progress(phone, "OnQueue");
            pbx.simulator().advance(Duration.ofSeconds(2));
            return event("agentlinked", phone).childText("call_id").orElseThrow();
        }

        /** A caller who gives up while every agent is on a break. */
        void abandonedCall(String phone) {
            pbx.simulator().inboundCall(phone, "8001", Duration.ofSeconds(5));
            pbx.simulator().advance(Duration.ofSeconds(1));
            progress(phone, "OnQueue");
            pbx.simulator().advance(Duration.ofSeconds(6));
            progress(phone, "Abandoned");
        }

        private void progress(String phone, String status) {
            Awaits.until("callprogress " + status + " of " + phone, WAIT, () -> events.removeIf(e -> {
                XmlElement body = e.children().get(0);
                return body.name().equals("callprogress") && body.childText("phone").orElse("").equals(phone)
                        && body.childText("new_status").orElse("").equals(status);
            }));
        }

        private XmlElement event(String name, String phone) {
            XmlElement[] found = new XmlElement[1];
            Awaits.until(name + " of " + phone, WAIT, () -> events.removeIf(e -> {
                XmlElement body = e.children().get(0);
                boolean match = body.name().equals(name) && body.childText("phone").orElse("").equals(phone);
                if (match) {
                    found[0] = body;
                }
                return match;
            }));
            return found[0];
        }
    }
}
