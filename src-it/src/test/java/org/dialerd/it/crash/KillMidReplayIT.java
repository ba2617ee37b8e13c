package org.dialerd.it.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dialerd killed (SIGKILL) during an outage with a long journal, restarted once the database is
 * back and killed again while it is applying that journal, then started a third time: every
 * record is applied exactly once (the transaction cut by the kill is rolled back, the records
 * the second run applied are skipped), so no row is duplicated and none is lost.
 */
class KillMidReplayIT {
    private static final int LUNCH = 2;
    /** Callers who give up during the outage: about five journal records each. */
    private static final int CALLERS = 300;
    private static final String PREFIX = "0555006";

    @RegisterExtension
    final ProcessLogs logs = new ProcessLogs();

    @Test
    void aKillWhileTheJournalIsBeingAppliedDuplicatesNothing() throws Exception {
        try (CrashRig rig = CrashRig.start("replay")) {
            long auditBefore = Long.parseLong(rig.value("SELECT COALESCE(MAX(id), 0) FROM audit"));
            DialerdProcess first = rig.dialerd("dialerd-1", logs);
            try (Console console = Console.on(first)) {
                for (String agent : List.of("SIP/1001", "SIP/1002")) {
                    assertEquals("logged-in", console.eccp().loginAgent(Console.agent(agent), agent.substring(4))
                            .text("status").orElseThrow());
                }
                Awaits.until("the sessions written", Console.WAIT, () -> "2".equals(rig.value(
                        "SELECT COUNT(*) FROM audit WHERE id > ?", auditBefore)));

                rig.db().stop();
                for (String agent : List.of("SIP/1001", "SIP/1002")) {
                    assertTrue(console.eccp().pauseAgent(Console.agent(agent), LUNCH).isSuccess());
                }
                for (int i = 0; i < CALLERS; i++) {
                    rig.simulator().inboundCall(phone(i), "8001", Duration.ofSeconds(5));
                }
                rig.simulator().advance(Duration.ofSeconds(1));
                awaitProgress(console, "OnQueue");
                rig.simulator().advance(Duration.ofSeconds(6));
                awaitProgress(console, "Abandoned");
                Awaits.until("dialerd quiet", Console.WAIT, () -> console.quietFor().toMillis() > 300);
            }
            first.kill();

            rig.db().restart();
            long before = lastApplied(rig);
            DialerdProcess second = rig.launch("dialerd-2", logs);
            Awaits.until("the second run applying the journal", Duration.ofSeconds(90),
                    () -> lastApplied(rig) > before || !second.alive());
            second.kill();
            long atKill = lastApplied(rig);
            assertEquals("0", rig.value("SELECT COUNT(*) FROM call_entry WHERE callerid = ?", phone(CALLERS - 1)),
                    "killed mid-replay: the last caller's row was not applied yet");

            DialerdProcess third = rig.dialerd("dialerd-3", logs);
            assertTrue(lastApplied(rig) > atKill, "the third run applied the rest");
            String ours = " IN (SELECT id FROM call_entry WHERE callerid LIKE '" + PREFIX + "%')";
            assertEquals(String.valueOf(CALLERS), rig.value("SELECT COUNT(*) FROM call_entry WHERE callerid LIKE ?",
                    PREFIX + "%"), "0 lost, 0 duplicated");
            assertEquals(String.valueOf(CALLERS), rig.value("SELECT COUNT(DISTINCT callerid) FROM call_entry "
                    + "WHERE callerid LIKE ?", PREFIX + "%"));
            assertEquals(String.valueOf(CALLERS), rig.value("SELECT COUNT(*) FROM call_entry WHERE status = "
                    + "'abandonada' AND id" + ours));
            assertEquals(String.valueOf(2 * CALLERS), rig.value("SELECT COUNT(*) FROM call_progress_log "
                    + "WHERE id_call_incoming" + ours));
            assertEquals(List.of(), rig.rows("SELECT id_call_incoming FROM call_progress_log WHERE id_call_incoming"
                    + ours + " GROUP BY id_call_incoming, new_status HAVING COUNT(*) > 1"), "no progress row twice");
            assertEquals("0", rig.value("SELECT COUNT(*) FROM current_call_entry"));

            try (Console console = Console.on(third)) {
                for (String agent : List.of("SIP/1001", "SIP/1002")) {
                    console.awaitStatus(agent, "paused");
                    assertTrue(console.eccp().unpauseAgent(Console.agent(agent)).isSuccess());
                    console.eccp().logoutAgent(Console.agent(agent));
                }
                Awaits.until("no audit row left open", Console.WAIT, () -> "0".equals(rig.value(
                        "SELECT COUNT(*) FROM audit WHERE datetime_end IS NULL")));
            }
            assertEquals(List.of("6", "6", "7", "7"), rig.rows("SELECT id_agent FROM audit WHERE id > ? "
                    + "ORDER BY id_agent", auditBefore), "one session and one break each, across three runs");
        }
    }

    private static String phone(int i) {
        return PREFIX + String.format("%04d", i);
    }

    private static long lastApplied(CrashRig rig) {
        String value = rig.value("SELECT MAX(last_seq) FROM dialerd_journal_applied");
        return value == null ? 0 : Long.parseLong(value);
    }

    private static void awaitProgress(Console console, String status) {
        List<XmlElement> seen = new ArrayList<>();
        // Every event that has come at each look, not one per look: at one a poll (every 20 ms),
        // 300 events took 6 s however fast dialerd sent them.
        Awaits.until(CALLERS + " callprogress " + status, Console.WAIT, () -> {
            for (var event = console.poll("callprogress", "new_status", status); event.isPresent();
                    event = console.poll("callprogress", "new_status", status)) {
                seen.add(event.get());
            }
            return seen.size() >= CALLERS;
        });
    }
}
