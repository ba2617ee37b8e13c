package org.dialerd.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.dialerd.core.journal.JournalSettings;
import org.dialerd.db.Persistence;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.it.TestJournals;
import org.junit.jupiter.api.Test;

/**
 * Two dialerd hosts (each its own journal, journal.id and Asterisk) on one database. One is
 * killed and restarted: its start-up takeover reads only the rows it created (ids from the id
 * blocks its journal reserved, dialerd_id_range), so the other host's open session and live
 * call stay as they are, and so does a row of no host (the PHP dialerd's) while another host
 * is there. A host alone on its database takes such a row over.
 */
class SeveralHostsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials AGENT_9000 = new AgentCredentials("Agent/9000", "demo");
    private static final AgentCredentials AGENT_9001 = new AgentCredentials("Agent/9001", "demo");
    /** agent.id of Agent/9002 in the demo data: its open row is the PHP dialerd's. */
    private static final int AGENT_9002_ID = 3;

    @Test
    void aRestartedHostTakesOverOnlyItsOwnRowsAndLeavesTheOtherHostsAlone() throws Exception {
        DataSource db = TestDatabases.fresh("sql/demo-data.sql");
        JournalSettings journalA = TestJournals.fresh();
        PbxHarness hostA = PbxHarness.startOn(db, Persistence.over(db, journalA));
        try (PbxHarness hostB = PbxHarness.startOn(db, Persistence.over(db, TestJournals.fresh()))) {
            // Written now, so that no host was alone when it appeared (the first host, alone at
            // its start, would rightly have taken over a row that was there before it).
            long unowned = phpDialerdSession(db, 5_000_000L);
            try (EccpClient a = console(hostA); EccpClient b = console(hostB)) {
                List<XmlElement> eventsB = new CopyOnWriteArrayList<>();
                b.onEvent(eventsB::add);
                loginStatic(hostA, a, AGENT_9000, "1001");
                loginStatic(hostB, b, AGENT_9001, "1003");
                hostB.simulator().inboundCall("5558001", "8001", Duration.ofMinutes(10));
                hostB.simulator().advance(Duration.ofSeconds(3));
                assertEquals("Agent/9001", EventWaits.await(eventsB, "agentlinked", WAIT).childText("agent_number")
                        .orElseThrow());
                Awaits.until("both sessions and host B's call written", WAIT, () -> openSessions(db, 1) == 1
                        && openSessions(db, 2) == 1 && "activa".equals(callStatus(db)));
            }
            long sessionA = sessionId(db, 1);
            long sessionB = sessionId(db, 2);

            hostA = hostA.crashAndRestart(Persistence.over(db, journalA));

            try (EccpClient a = console(hostA)) {
                Awaits.until("Agent/9000 taken over on host A", WAIT, () -> status(a, "Agent/9000").equals("online"));
                PbxHarness restarted = hostA;
                Awaits.until("host A's takeover written", WAIT, () -> restarted.dialerd().journal().pending() == 0);
                assertEquals(sessionA, sessionId(db, 1), "host A's session continues its row");
                assertEquals("offline", status(a, "Agent/9001"), "not on host A's Asterisk");
            }
            assertEquals(1, openSessions(db, 2), "host B's session is host B's: still open");
            assertEquals(sessionB, sessionId(db, 2));
            assertEquals("activa", callStatus(db), "host B's call is still live and still host B's");
            assertEquals(1, openSessions(db, AGENT_9002_ID), "a row of no host, with another host there: left alone");
            assertEquals(String.valueOf(unowned), Sql.value(db, "SELECT id FROM audit WHERE id_agent = ? "
                    + "AND datetime_end IS NULL", AGENT_9002_ID));

            // Host B still follows its call to its end.
            hostB.simulator().advance(Duration.ofMinutes(10));
            Awaits.until("host B finished its call", WAIT, () -> "terminada".equals(callStatus(db)));
        } finally {
            hostA.close();
        }
    }

    @Test
    void aHostAloneOnItsDatabaseTakesOverTheRowsOfNoHost() {
        DataSource db = TestDatabases.fresh("sql/demo-data.sql");
        long unowned = phpDialerdSession(db, null);

        try (PbxHarness alone = PbxHarness.startOn(db, Persistence.over(db, TestJournals.fresh()))) {
            // Agent/9002 is not logged in on Asterisk: its row ends at the last time known.
            Awaits.until("the PHP dialerd's session closed", WAIT, () -> openSessions(db, AGENT_9002_ID) == 0);
            assertEquals("1", Sql.value(db, "SELECT COUNT(*) FROM audit WHERE id = ? AND datetime_end IS NOT NULL",
                    unowned));
        }
    }

    /**
     * An open login session as the PHP dialerd wrote it: an id in no reserved block
     * ({@code id} null: AUTO_INCREMENT, before any dialerd reserved ids).
     */
    private static long phpDialerdSession(DataSource db, Long id) {
        Sql.update(db, "INSERT INTO audit (id, id_agent, id_break, datetime_init) VALUES (?, ?, NULL, NOW())", id,
                AGENT_9002_ID);
        return Long.parseLong(Sql.value(db, "SELECT MAX(id) FROM audit"));
    }

    private static int openSessions(DataSource db, int agentId) {
        return Integer.parseInt(Sql.value(db, "SELECT COUNT(*) FROM audit WHERE id_agent = ? AND id_break IS NULL "
                + "AND datetime_end IS NULL", agentId));
    }

    private static long sessionId(DataSource db, int agentId) {
        return Long.parseLong(Sql.value(db, "SELECT MAX(id) FROM audit WHERE id_agent = ? AND id_break IS NULL",
                agentId));
    }

    private static String callStatus(DataSource db) {
        return Sql.value(db, "SELECT COALESCE(MAX(status), '') FROM call_entry WHERE callerid = '5558001'");
    }

    private static String status(EccpClient eccp, String agent) {
        return eccp.getAgentStatus(agent).text("status").orElse("");
    }

    private static void loginStatic(PbxHarness pbx, EccpClient eccp, AgentCredentials agent, String extension) {
        assertEquals("logging", eccp.loginAgent(agent, extension).text("status").orElseThrow());
        pbx.simulator().advance(Duration.ofSeconds(2));
        Awaits.until(agent.agentNumber() + " online", WAIT, () -> status(eccp, agent.agentNumber()).equals("online"));
        pbx.simulator().advance(Duration.ofSeconds(6)); // app_agent_pool's login probation
    }

    private static EccpClient console(PbxHarness pbx) {
        EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
        return eccp;
    }
}
