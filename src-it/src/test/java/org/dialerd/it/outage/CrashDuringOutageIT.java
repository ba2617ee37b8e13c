package org.dialerd.it.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.dialerd.core.journal.JournalSettings;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.it.TestJournals;
import org.junit.jupiter.api.Test;

/**
 * dialerd dies (no shutdown: nothing flushed beyond what was acknowledged, no row closed, its
 * AMI connection gone) while the database is down, then starts again on the same journal once
 * the database is back: every record acknowledged before the crash is applied once, and what
 * the dead run left open is taken over from Asterisk, which still has it: the call that was
 * live at the crash is followed again (still 'activa'), and the two login sessions and the
 * break continue as the same rows (none is closed, none added).
 */
class CrashDuringOutageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AgentCredentials SIP_1001 = new AgentCredentials("SIP/1001", "demo");
    private static final AgentCredentials SIP_1002 = new AgentCredentials("SIP/1002", "demo");
    private static final int LUNCH = 2;

    @Test
    void aCrashDuringAnOutageLosesNothingAndTakesOverWhatAsteriskStillHas() throws Exception {
        JournalSettings journal = TestJournals.fresh();
        try (OutageDatabase db = OutageDatabase.start("crash")) {
            long auditBefore = Long.parseLong(value(db, "SELECT COALESCE(MAX(id), 0) FROM audit"));
            PbxHarness first = PbxHarness.startOn(db.check(), db.persistence(journal));
            DatabaseOutageIT.Seen finished;
            String liveCallId;
            try (EccpClient eccp = EccpClient.connect("127.0.0.1", first.eccpPort())) {
                DatabaseOutageIT.Traffic traffic = new DatabaseOutageIT.Traffic(first, eccp);
                assertEquals("logged-in", eccp.loginAgent(SIP_1001, "1001").text("status").orElseThrow());
                assertEquals("logged-in", eccp.loginAgent(SIP_1002, "1002").text("status").orElseThrow());
                Awaits.until("logins written", WAIT, () -> first.dialerd().journal().pending() == 0);

                db.stop();
                finished = traffic.answeredCall("0555000301");
                assertTrue(eccp.pauseAgent(SIP_1002, LUNCH).isSuccess());
                liveCallId = traffic.linkedCall("0555000302");
                // A crash loses at most the records of the last fsync interval, which nobody was
                // told were durable; everything appended so far has been acknowledged.
                assertTrue(first.dialerd().journal().flush(WAIT));
            }
            PbxHarness second = null;
            try {
                db.restart();
                long firstNewAudit = Long.parseLong(Sql.value(db.check(),
                        "SELECT next_id FROM dialerd_id_block WHERE table_name = 'audit'"));
                second = first.crashAndRestart(db.persistence(journal));
                PbxHarness restarted = second;
                Awaits.until("the journal replayed", Duration.ofSeconds(60),
                        () -> restarted.dialerd().journal().pending() == 0);
                try (EccpClient console = EccpClient.connect("127.0.0.1", restarted.eccpPort())) {
                    console.login("agentconsole", "agentconsole");
                    Awaits.until("SIP/1001 taken over on its call", WAIT, () -> status(console, "SIP/1001")
                            .equals("oncall"));
                    Awaits.until("SIP/1002 taken over on its break", WAIT, () -> status(console, "SIP/1002")
                            .equals("paused"));
                }

                assertEquals(List.of(finished.callId()), Sql.rows(db.check(),
                        "SELECT id FROM call_entry WHERE callerid = '0555000301'"));
                assertEquals("terminada", value(db, "SELECT status FROM call_entry WHERE id = ?", finished.callId()));
                assertEquals(List.of("OnQueue", "Success", "Hangup"), Sql.rows(db.check(), "SELECT new_status FROM "
                        + "call_progress_log WHERE id_call_incoming = ? ORDER BY id", finished.callId()));
                assertEquals(List.of(liveCallId), Sql.rows(db.check(),
                        "SELECT id FROM call_entry WHERE callerid = '0555000302'"));
                assertEquals("activa", value(db, "SELECT status FROM call_entry WHERE id = ?", liveCallId),
                        "still up in Asterisk: followed again");
                assertEquals("1", value(db, "SELECT COUNT(*) FROM current_call_entry WHERE id_call_entry = ?",
                        liveCallId));
                String ours = " IN (SELECT id FROM call_entry WHERE callerid LIKE '05550003%')";
                assertEquals("2", value(db, "SELECT COUNT(*) FROM call_entry WHERE id" + ours), "0 lost, 0 duplicated");
                assertEquals("5", value(db, "SELECT COUNT(*) FROM call_progress_log WHERE id_call_incoming" + ours));
                assertEquals("3", value(db, "SELECT COUNT(*) FROM audit WHERE id > ? AND id < ?", auditBefore,
                        firstNewAudit), "two sessions and the break of the crashed run");
                assertEquals("3", value(db, "SELECT COUNT(*) FROM audit WHERE id > ? AND id < ? "
                        + "AND datetime_end IS NULL", auditBefore, firstNewAudit),
                        "the agents are still logged in (and on break) in Asterisk: their rows continue");
                assertEquals("0", value(db, "SELECT COUNT(*) FROM audit WHERE id >= ?", firstNewAudit),
                        "one login session stays one row: none opened by the restarted run");
                assertTrue(second.dialerd().applier().skippedCount() > 0 || second.dialerd().applier()
                        .appliedCount() > 0, "the replay ran");
            } finally {
                if (second != null) {
                    second.close();
                } else {
                    first.close();
                }
            }
        }
    }

    private static String value(OutageDatabase db, String sql, Object... parameters) {
        return Sql.value(db.check(), sql, parameters);
    }

    private static String status(EccpClient console, String agent) {
        return console.getAgentStatus(agent).text("status").orElse("");
    }
}
