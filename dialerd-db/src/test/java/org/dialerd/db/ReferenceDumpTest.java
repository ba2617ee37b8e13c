package org.dialerd.db;

import static org.dialerd.db.SchemaInstallerTest.count;
import static org.dialerd.db.SchemaInstallerTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.dialerd.db.SchemaInstaller.DemoSeed;
import org.dialerd.testdata.TestData;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference call_center dump (testdata/eccp-traces/seed) loads into our schema. */
class ReferenceDumpTest {

    private static DataSource db;

    @BeforeAll
    static void loadDump() {
        Path dump = TestData.referenceDump();
        Path postStart = TestData.file("eccp-traces/seed/post-start.sql");
        // post-start.sql says USE call_center; the fixture drops USE statements.
        db = TestDatabases.fresh(dump.toString(), postStart.toString());
    }

    @Test
    void loadsEveryRowOfTheDumpAndThePostStartRows() throws SQLException {
        assertEquals(1009, count(db, "SELECT COUNT(*) FROM calls"));
        assertEquals(13, count(db, "SELECT COUNT(*) FROM agent"));
        assertEquals(9, count(db, "SELECT COUNT(*) FROM audit"));
        assertEquals(18, count(db, "SELECT COUNT(*) FROM call_progress_log"));
        assertEquals(7, count(db, "SELECT COUNT(*) FROM break"), "the dump's six and the Wrapup break schema.sql seeds");
        assertEquals(7, count(db, "SELECT COUNT(*) FROM call_entry"));
    }

    @Test
    void keepsTextExactlyAsStored() throws SQLException {
        assertEquals("María José Muñoz", text(db, "SELECT name FROM agent WHERE id = 12"));
        assertEquals("Cliente VIP & preferente <A>", text(db, "SELECT value FROM call_attribute WHERE id = 4"));
        assertEquals("<p><strong>Buenos d&iacute;as</strong>, le llamamos de &quot;Cobranzas &amp; Co.&quot;</p>\n"
                + "<p>Verifique la c&eacute;dula <b>antes</b> de continuar.</p>",
                text(db, "SELECT script FROM campaign WHERE id = 2"));
        assertEquals("<p>Cola <b>inactiva</b> &amp; sin agentes: se&ntilde;or cliente\u2026</p>",
                text(db, "SELECT script FROM queue_call_entry WHERE id = 2"));
    }

    @Test
    void leavesForeignKeysConsistent() throws SQLException {
        assertEquals(0, count(db, "SELECT COUNT(*) FROM audit a LEFT JOIN `break` b ON b.id = a.id_break"
                + " WHERE a.id_break IS NOT NULL AND b.id IS NULL"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM call_attribute a LEFT JOIN calls c ON c.id = a.id_call"
                + " WHERE c.id IS NULL"));
        assertEquals("H", text(db, "SELECT tipo FROM `break` WHERE id = 1"));
    }

    @Test
    void isNeverSeededWithDemoData() {
        assertEquals(DemoSeed.SKIPPED_DATABASE_IN_USE, SchemaInstaller.seedDemoDataOnce(db));
    }
}
