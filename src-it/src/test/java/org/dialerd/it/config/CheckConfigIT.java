package org.dialerd.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dialerd.db.Database;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dialerd --check-config FILE} run as a separate JVM, as an operator runs it: one line
 * per check, exit status 0 when everything passes, 1 when something fails (2 for a bad command
 * line: MainTest).
 */
class CheckConfigIT {
    @TempDir
    static Path dir;
    private static ReferenceHost host;

    @BeforeAll
    static void start() throws Exception {
        host = ReferenceHost.start(dir);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    private record Run(int status, List<String> lines) {
        /** The check lines (ok/FAILED), without log output. */
        List<String> checks() {
            return lines.stream().filter(l -> l.startsWith("ok      ") || l.startsWith("FAILED  ")).toList();
        }
    }

    private static Run dialerd(String... args) throws IOException, InterruptedException {
        // C1 only: a check runs for a second or two, C2's compilations would not pay off (as DialerdProcess).
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.dialerd.server.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dialerd --check-config finished");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8).lines().toList());
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theReferenceConfigurationOnAFreepbxHostPasses() throws Exception {
        Run run = dialerd("--check-config", host.conf().toString());
        String db = "127.0.0.1:" + host.databasePort();
        assertEquals(List.of(
                "ok      configuration file " + host.conf() + ": valid",
                "ok      database root@" + db + "/call_center: connected",
                "ok      schema: 33 tables, 215 columns present",
                "ok      valor_config: 8 rows, every dialerd setting valid",
                "ok      FreePBX devices freepbx@" + db + "/asterisk.devices: 3 devices",
                "ok      AMI dialerd@127.0.0.1:" + host.simulator().port() + ": logged in and off (Asterisk 22)"),
                run.checks(), String.join("\n", run.lines()));
        assertEquals(0, run.status());
    }

    @Test
    void aBadValueNamesTheKeyAndTheValue() throws Exception {
        Path file = write("bad-value.conf", ReferenceHost.referenceConf("127.0.0.1:" + host.databasePort())
                + "[eccp]\nport = twenty\n");
        Run run = dialerd("--check-config", file.toString());
        assertEquals(List.of("FAILED  configuration file " + file + ": eccp.port = 'twenty': not a whole number"
                + " — fix: correct it in " + file + " (keys and values: docs/configuration.md)"), run.checks());
        assertEquals(1, run.status());
    }

    @Test
    void anUnreachableDatabaseSaysWhereItLookedAndWhatToCheck() throws Exception {
        Path file = write("unreachable.conf", ReferenceHost.referenceConf("127.0.0.1:1")
                + "[freepbx]\namportal_conf =\n");
        Run run = dialerd("--check-config", file.toString());
        List<String> checks = run.checks();
        assertEquals("ok      configuration file " + file + ": valid", checks.get(0));
        String failed = checks.get(1);
        assertTrue(failed.startsWith("FAILED  database root@127.0.0.1:1/call_center: "), failed);
        assertTrue(failed.contains("Connection refused"), failed);
        assertTrue(failed.endsWith(" — fix: check [database] dbhost, dbuser and dbpass in " + file
                + ", and that MariaDB runs on 127.0.0.1:1"), failed);
        assertEquals("FAILED  AMI: not checked: the login is in valor_config, which could not be read — fix: fix "
                + "the database first, or add an [asterisk] section (host, user, secret) to " + file, checks.get(3));
        assertEquals(1, run.status());
    }

    @Test
    void aMissingTableIsNamedWithTheWayToCreateIt() throws Exception {
        Database db = TestDatabases.freshDatabase("sql/demo-data.sql");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE call_recording");
        }
        Path file = write("missing-table.conf", ReferenceHost.referenceConf("127.0.0.1:" + host.databasePort())
                + "dbname = " + db.settings().database() + "\n" + ReferenceHost.amportalLine(dir));
        Run run = dialerd("--check-config", file.toString());
        assertTrue(run.checks().contains("FAILED  schema: missing tables call_recording — fix: dialerd creates missing"
                + " tables when it starts (its database user needs the CREATE privilege), or load sql/schema.sql; a"
                + " missing column means an older call_center schema (docs/database.md)"), String.join("\n",
                run.lines()));
        assertEquals(1, run.status());
    }

    @Test
    void versionPrintsTheVersionAndTheCommit() throws Exception {
        Run run = dialerd("--version");
        assertEquals(0, run.status());
        assertTrue(run.lines().get(0).matches("dialerd \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,40}|unknown)\\)"),
                run.lines().get(0));
    }
}
