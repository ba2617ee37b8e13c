package org.dialerd.db;

import static org.dialerd.db.SchemaInstallerTest.count;
import static org.dialerd.db.SchemaInstallerTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facts that docs/database.md promises about sql/demo-data.sql. */
class DemoDataTest {

    private static DataSource db;

    @BeforeAll
    static void seed() {
        db = TestDatabases.fresh(SchemaInstaller.DEMO_DATA_RESOURCE);
    }

    @Test
    void hasTheAgentConsoleClient() throws SQLException {
        assertEquals(1, count(db, "SELECT COUNT(*) FROM eccp_authorized_clients"
                + " WHERE username = 'agentconsole' AND md5_password = MD5('agentconsole')"));
    }

    @Test
    void hasASupervisorClientAndTheAgentConsoleIsNotOne() throws SQLException {
        assertEquals(1, count(db, "SELECT COUNT(*) FROM eccp_authorized_clients c JOIN dialerd_supervisor s"
                + " ON s.username = c.username WHERE c.username = 'supervisor' AND c.md5_password = MD5('supervisor')"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM dialerd_supervisor WHERE username = 'agentconsole'"));
    }

    @Test
    void hasTenActiveAgentsWithEccpPasswordDemo() throws SQLException {
        assertEquals(10, count(db, "SELECT COUNT(*) FROM agent WHERE estatus = 'A' AND eccp_password = 'demo'"
                + " AND password = number"));
        assertEquals("Agent/9000,Agent/9001,Agent/9002,Agent/9003,Agent/9004,SIP/1001,SIP/1002,SIP/1003,SIP/1004,SIP/1005",
                text(db, "SELECT GROUP_CONCAT(CONCAT(type, '/', number) ORDER BY id) FROM agent"));
    }

    @Test
    void putsEveryAgentInBothQueues() throws SQLException {
        assertEquals(20, count(db, "SELECT COUNT(*) FROM dialerd_queue_member m JOIN agent a ON a.id = m.id_agent"
                + " WHERE m.queue IN ('8000', '8001') AND m.penalty = 0"));
    }

    @Test
    void hasActiveInactiveAndHoldBreaks() throws SQLException {
        assertEquals(4, count(db, "SELECT COUNT(*) FROM `break` WHERE status = 'A' AND tipo = 'B'"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM `break` WHERE status = 'I'"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM `break` WHERE id = 1 AND tipo = 'H'"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM `break` WHERE name = 'Baño'"));
    }

    @Test
    void runsAnOutgoingCampaignOnQueue8000FromYesterdayForAYear() throws SQLException {
        assertEquals(1, count(db, "SELECT COUNT(*) FROM campaign WHERE id = 1 AND queue = '8000' AND estatus = 'A'"
                + " AND context = 'from-internal' AND trunk IS NULL AND retries = 2 AND max_canales = 0"
                + " AND datetime_init = CURDATE() - INTERVAL 1 DAY AND datetime_end = CURDATE() + INTERVAL 1 YEAR"
                + " AND daytime_init = '00:00:00' AND daytime_end = '23:59:59' AND script <> ''"));
    }

    @Test
    void hasFiftyNeverDialledCallsWithThreeAttributesEach() throws SQLException {
        assertEquals(50, count(db, "SELECT COUNT(*) FROM calls WHERE id_campaign = 1 AND status IS NULL"
                + " AND retries = 0 AND phone BETWEEN '5551000' AND '5551049'"));
        assertEquals(50, count(db, "SELECT COUNT(*) FROM (SELECT c.id FROM calls c JOIN call_attribute a"
                + " ON a.id_call = c.id WHERE c.status IS NULL GROUP BY c.id"
                + " HAVING GROUP_CONCAT(a.columna ORDER BY a.column_number) = 'Nombre,Apellido,Ciudad') x"));
    }

    @Test
    void hasFinishedOutgoingCallsInEveryEndState() throws SQLException {
        assertEquals("101:Success:1,102:NoAnswer:-,103:Failure:-,104:ShortCall:6",
                text(db, "SELECT GROUP_CONCAT(CONCAT(id, ':', status, ':', IFNULL(id_agent, '-')) ORDER BY id)"
                        + " FROM calls WHERE status IS NOT NULL"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM calls WHERE id = 103 AND failure_cause = 17"
                + " AND failure_cause_txt = 'User busy'"));
        assertEquals(5, count(db, "SELECT COUNT(*) FROM form_data_recolected d JOIN form_field f"
                + " ON f.id = d.id_form_field WHERE d.id_calls = 101 AND f.id_form = 1"));
    }

    @Test
    void coversEveryFormFieldTypeInTheOutgoingForm() throws SQLException {
        assertEquals("DATE,LABEL,LIST,TEXT,TEXTAREA",
                text(db, "SELECT GROUP_CONCAT(DISTINCT f.tipo ORDER BY f.tipo) FROM form_field f"
                        + " JOIN campaign_form cf ON cf.id_form = f.id_form WHERE cf.id_campaign = 1"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM form_field WHERE tipo = 'LIST' AND id_form = 1"
                + " AND value LIKE '%,%,%'"));
    }

    @Test
    void runsAnIncomingCampaignOnQueue8001WithItsOwnForm() throws SQLException {
        assertEquals(1, count(db, "SELECT COUNT(*) FROM campaign_entry ce JOIN queue_call_entry q"
                + " ON q.id = ce.id_queue_call_entry JOIN campaign_form_entry cfe ON cfe.id_campaign = ce.id"
                + " WHERE q.queue = '8001' AND q.estatus = 'A' AND q.script <> '' AND ce.estatus = 'A'"
                + " AND ce.script <> '' AND cfe.id_form = 2"
                + " AND CURDATE() BETWEEN ce.datetime_init AND ce.datetime_end"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM campaign_external_url"));
    }

    @Test
    void hasContactsTwoOfThemSharingAPhone() throws SQLException {
        assertEquals(3, count(db, "SELECT COUNT(*) FROM contact"));
        assertEquals(2, count(db, "SELECT COUNT(*) FROM contact WHERE telefono = '042345678'"));
    }

    @Test
    void hasFinishedIncomingCallsWithFormData() throws SQLException {
        assertEquals("1:terminada,2:terminada,3:abandonada",
                text(db, "SELECT GROUP_CONCAT(CONCAT(id, ':', status) ORDER BY id) FROM call_entry"));
        assertEquals(2, count(db, "SELECT COUNT(DISTINCT id_call_entry) FROM form_data_recolected_entry"));
    }

    @Test
    void logsTheProgressOfAnOutgoingAndAnIncomingCall() throws SQLException {
        assertEquals("Placing,Dialing,Ringing,OnQueue,Success,Hangup",
                text(db, "SELECT GROUP_CONCAT(new_status ORDER BY id) FROM call_progress_log WHERE id_call_outgoing = 101"));
        assertEquals("OnQueue,Success,OnHold,OffHold,Hangup",
                text(db, "SELECT GROUP_CONCAT(new_status ORDER BY id) FROM call_progress_log WHERE id_call_incoming = 1"));
    }

    @Test
    void keepsAllHistoryClosedAndInThePast() throws SQLException {
        assertEquals(3, count(db, "SELECT COUNT(DISTINCT id_agent) FROM audit WHERE id_break IS NULL"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM audit WHERE datetime_end IS NULL OR duration IS NULL"
                + " OR datetime_end >= CURDATE() OR TIMEDIFF(datetime_end, datetime_init) <> duration"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM calls WHERE datetime_originate >= CURDATE()"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM call_entry WHERE datetime_entry_queue >= CURDATE()"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM call_progress_log WHERE datetime_entry >= CURDATE()"));
    }

    @Test
    void configuresTheAsteriskConnection() throws SQLException {
        assertEquals("127.0.0.1", text(db, "SELECT config_value FROM valor_config WHERE config_key = 'asterisk.asthost'"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM valor_config WHERE config_key = 'dialerd.demo_seeded'"));
    }
}
