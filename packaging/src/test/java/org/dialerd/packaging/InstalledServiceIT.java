package org.dialerd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dialerd.db.Database;
import org.dialerd.db.EmbeddedMariaDb;
import org.dialerd.db.SchemaInstaller;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The .deb's contents, unpacked with dpkg-deb -x, run as the service would run them: the
 * launcher with {@code --config}, the package's logback.xml, the readiness probe of the unit's
 * ExecStartPost, then SIGTERM as {@code systemctl stop} sends it. The database is a real
 * MariaDB (embedded, started by this test) holding {@code call_center} with the demo data;
 * Asterisk is the simulator, reached over real AMI.
 */
class InstalledServiceIT {
    /** The unit's TimeoutStartSec and TimeoutStopSec. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** 128 + SIGTERM: the JVM's status after its shutdown hooks ran (the unit's SuccessExitStatus). */
    private static final int EXIT_AFTER_SIGTERM = 143;

    @Test
    void servesEccpFromAReferenceStyleConfigurationAndStopsCleanlyOnSigterm() throws Exception {
        Path tree = BuiltPackages.debTree();
        Path run = BuiltPackages.scratch("service");
        Path logDir = Files.createDirectories(run.resolve("log"));
        EmbeddedMariaDb mariaDb = TestDatabases.server();
        freshCallCenter(mariaDb);

        try (AsteriskSimulator pbx = AsteriskSimulator.start(Scenario.recorded(), 0)) {
            pbx.startRealTime(1.0);
            int eccpPort = freePort();
            // The reference's file ([database] dbhost, dbuser, dbpass; database call_center by
            // default) plus the AMI login, a port that no other test uses, and no FreePBX lookup
            // (this machine's /etc/amportal.conf, if any, is not the test's).
            Path conf = Files.writeString(run.resolve("dialerd.conf"), """
                    [database]
                    dbhost = 127.0.0.1:%d
                    dbuser = root
                    dbpass =

                    [asterisk]
                    host = 127.0.0.1
                    port = %d
                    user = %s
                    secret = %s

                    [eccp]
                    port = %d

                    [freepbx]
                    amportal_conf =
                    """.formatted(mariaDb.port(), pbx.port(), Scenario.DEFAULT_USER, Scenario.DEFAULT_SECRET,
                    eccpPort));
            Map<String, String> env = new HashMap<>(Commands.launcherEnvironment(logDir));
            // What bin/dialerd finds through /opt/dialerd/conf/logback.xml -> /etc/dialerd/logback.xml.
            env.put("DIALERD_LOGBACK", tree.resolve("etc/dialerd/logback.xml").toString());
            Path logFile = logDir.resolve("dialerd.log");

            Process dialerd = Commands.start(env, run, run.resolve("stdout.txt"), run.resolve("stderr.txt"),
                    List.of(tree.resolve("opt/dialerd/bin/dialerd").toString(), "--config", conf.toString()));
            try {
                Commands.Result ready = Commands.run(START_TIMEOUT, env, run,
                        tree.resolve("opt/dialerd/bin/dialerd-ready").toString(),
                        "--timeout", "60", "--config", conf.toString());
                assertEquals(0, ready.exitCode(), ready.output() + "\n" + readOrEmpty(logFile));
                assertEquals("dialerd-ready: ECCP accepts connections on 127.0.0.1:" + eccpPort,
                        ready.stdout().strip());
                // The launcher exec'd java, so the signal below reaches the JVM, not a shell.
                assertTrue(dialerd.info().command().orElseThrow().endsWith("/bin/java"),
                        dialerd.info().command().orElseThrow());

                try (EccpClient eccp = EccpClient.connect("127.0.0.1", eccpPort)) {
                    eccp.login("agentconsole", "agentconsole");
                    assertTrue(eccp.getPauses().isSuccess(), "getpauses reads call_center");
                }
                Awaits.until("dialerd logs in to the simulated Asterisk", Duration.ofSeconds(30),
                        () -> readOrEmpty(logFile).contains("AMI connected to 127.0.0.1:" + pbx.port()));

                dialerd.destroy(); // SIGTERM
                assertTrue(dialerd.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                        "dialerd still running " + STOP_TIMEOUT + " after SIGTERM");
                assertEquals(EXIT_AFTER_SIGTERM, dialerd.exitValue(), Files.readString(run.resolve("stderr.txt")));
            } finally {
                if (dialerd.isAlive()) {
                    dialerd.destroyForcibly();
                }
            }

            String log = Files.readString(logFile);
            assertTrue(log.contains("ECCP listening on 127.0.0.1:" + eccpPort), log);
            assertTrue(log.contains("dialerd started (configured)"), log);
            assertTrue(log.contains("root@127.0.0.1:" + mariaDb.port() + "/call_center"),
                    "the default database name:\n" + log);
            assertTrue(log.contains("dialerd stopped"), "ordered shutdown ran to its end:\n" + log);
            assertFalse(log.contains(" ERROR "), log);
            // The same lines went to the console too (the journal, under systemd).
            assertTrue(Files.readString(run.resolve("stdout.txt")).contains("dialerd stopped"));
        }
    }

    /**
     * A configuration error stops dialerd with status 2; the unit's probe (run at the same
     * moment, with the same file) waits for dialerd's exit before it reports the error itself,
     * so systemd records dialerd's status and RestartPreventExitStatus=2 prevents a restart loop.
     */
    @Test
    void readinessProbeLetsDialerdReportAConfigurationErrorFirst() throws Exception {
        Path tree = BuiltPackages.debTree();
        Path run = BuiltPackages.scratch("bad-config");
        Path conf = Files.writeString(run.resolve("dialerd.conf"), "[database]\ndbhost = 127.0.0.1\n"
                + "[eccp]\nport = twenty\n");
        Map<String, String> env = new HashMap<>(Commands.launcherEnvironment(run));
        Process dialerd = Commands.start(env, run, run.resolve("stdout.txt"), run.resolve("stderr.txt"),
                List.of(tree.resolve("opt/dialerd/bin/dialerd").toString(), "--config", conf.toString()));
        env.put("MAINPID", String.valueOf(dialerd.pid())); // as systemd sets it for ExecStartPost
        Commands.Result probe = Commands.run(START_TIMEOUT, env, run,
                tree.resolve("opt/dialerd/bin/dialerd-ready").toString(), "--config", conf.toString());

        assertEquals(2, probe.exitCode(), probe.output());
        assertEquals("dialerd-ready: eccp.port = 'twenty': not a whole number", probe.stderr().strip());
        assertFalse(dialerd.isAlive(), "dialerd had exited before the probe reported");
        assertEquals(2, dialerd.exitValue());
        assertTrue(Files.readString(run.resolve("stderr.txt")).contains("eccp.port = 'twenty': not a whole number"));
    }

    /** A {@code call_center} database as on the PBX: the schema and the demo data, nothing older. */
    private static void freshCallCenter(EmbeddedMariaDb mariaDb) throws SQLException {
        try (Database admin = Database.open(mariaDb.settings("information_schema").withPoolSize(1));
             Connection connection = admin.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS call_center");
        }
        mariaDb.createDatabase("call_center");
        try (Database database = Database.open(mariaDb.settings("call_center").withPoolSize(1))) {
            SchemaInstaller.installSchema(database.dataSource());
            SchemaInstaller.seedDemoDataOnce(database.dataSource());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
