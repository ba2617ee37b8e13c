package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.dialerd.db.SchemaInstaller.DemoSeed;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

class SchemaInstallerTest {

    @Test
    void installsTheSchemaTwiceWithoutError() throws SQLException {
        DataSource db = TestDatabases.fresh();
        SchemaInstaller.installSchema(db);
        SchemaInstaller.installSchema(db);
        assertEquals(33, count(db, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"));
        assertEquals(2, count(db, "SELECT COUNT(*) FROM break"), "Hold and Wrapup, once each");
        assertEquals(100, count(db, "SELECT id FROM break WHERE tipo = 'H' AND name = 'Wrapup'"));
    }

    @Test
    void seedsTheDemoDataOnlyOnce() throws SQLException {
        DataSource db = TestDatabases.fresh();
        assertEquals(DemoSeed.SEEDED, SchemaInstaller.seedDemoDataOnce(db));
        long calls = count(db, "SELECT COUNT(*) FROM calls");
        assertEquals(DemoSeed.ALREADY_SEEDED, SchemaInstaller.seedDemoDataOnce(db));
        assertEquals(calls, count(db, "SELECT COUNT(*) FROM calls"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM valor_config WHERE config_key = 'dialerd.demo_seeded'"));
    }

    @Test
    void demoWrapupsGiveTheDemoCampaignAndIncomingQueueTenSeconds() throws SQLException {
        DataSource db = TestDatabases.fresh();
        SchemaInstaller.seedDemoDataOnce(db);
        SchemaInstaller.seedDemoWrapups(db);
        SchemaInstaller.seedDemoWrapups(db);
        assertEquals(10, count(db, "SELECT wrapup_seconds FROM dialerd_campaign_options WHERE id_campaign = 1"));
        assertEquals(10, count(db, "SELECT wrapup_seconds FROM dialerd_queue_options WHERE queue = '8001'"));
    }

    @Test
    void demoDialerGivesCampaignOneItsSafeHarbourAndAddsThePreviewCampaignOnItsOwnQueue() throws SQLException {
        DataSource db = TestDatabases.fresh();
        SchemaInstaller.seedDemoDataOnce(db);
        SchemaInstaller.seedDemoWrapups(db);
        SchemaInstaller.seedDemoDialer(db);
        SchemaInstaller.seedDemoDialer(db);
        assertEquals(1, count(db, "SELECT COUNT(*) FROM dialerd_campaign_options WHERE id_campaign = 1 "
                + "AND safe_harbour = 'demo-safe-harbour,s,1' AND wrapup_seconds = 10"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM dialerd_campaign_options WHERE id_campaign = 2 "
                + "AND dial_mode = 'preview'"));
        assertEquals(20, count(db, "SELECT COUNT(*) FROM calls WHERE id_campaign = 2 AND status IS NULL"));
        assertEquals(2, count(db, "SELECT COUNT(*) FROM dialerd_queue_member WHERE queue = '8002'"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM dialerd_queue_member m JOIN agent a ON a.id = m.id_agent "
                + "WHERE a.number IN ('1006', '1007') AND m.queue <> '8002'"), "the preview agents are in 8002 only");
    }

    @Test
    void neverSeedsADatabaseThatHoldsAgents() throws SQLException {
        DataSource db = TestDatabases.fresh();
        execute(db, "INSERT INTO agent (id, type, number, name, password) VALUES (7, 'SIP', '2001', 'Real', '2001')");
        assertEquals(DemoSeed.SKIPPED_DATABASE_IN_USE, SchemaInstaller.seedDemoDataOnce(db));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM agent"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM valor_config"));
    }

    @Test
    void leavesNoMarkerWhenTheDemoDataFails() throws SQLException {
        DataSource db = TestDatabases.fresh();
        // Contact 1 is the demo's: its INSERT fails with a duplicate key, so the whole seed rolls back.
        execute(db, "INSERT INTO contact (id, cedula_ruc, name, telefono, apellido) VALUES (1, 'x', 'x', 'x', 'x')");
        assertThrows(DatabaseException.class, () -> SchemaInstaller.seedDemoDataOnce(db));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM valor_config"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM eccp_authorized_clients"));
    }

    static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getLong(1);
        }
    }

    static String text(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }

    static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
