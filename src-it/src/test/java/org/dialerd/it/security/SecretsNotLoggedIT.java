package org.dialerd.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.db.Database;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.it.Awaits;
import org.dialerd.it.eccp.RawConnection;
import org.dialerd.server.Dialerd;
import org.dialerd.server.config.DialerdConfig;
import org.dialerd.server.config.IniFile;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Starts dialerd the way an installation does (an INI file with a database password and an AMI
 * secret), logs in over ECCP with good and bad passwords and agent hashes, with every logger at
 * DEBUG (what DIALERD_LOG_LEVEL=DEBUG gives an operator), and checks that no secret appears in any
 * log line or stack trace.
 */
class SecretsNotLoggedIT {
    /** The test server runs with --skip-grant-tables: the password travels as in production but is not checked. */
    private static final String DB_USER = "root";
    private static final String DB_PASSWORD = "Db-Pass-7Qx2Zr";
    private static final String AMI_USER = "dialerd-secret-t";
    private static final String AMI_SECRET = "Ami-Secret-K8vP3w";
    private static final String ECCP_USER = "console_secret_t";
    private static final String ECCP_PASSWORD = "Eccp-Pass-M4nB6y";
    private static final String WRONG_PASSWORD = "Eccp-Typo-M4nB6y";
    private static final String AGENT_PASSWORD = "Agent-Pass-T9cL1s";

    @TempDir
    Path temp;

    @Test
    void noSecretReachesTheLogAtDebug() throws Exception {
        Database database = TestDatabases.freshDatabase("sql/demo-data.sql");
        prepare(database);
        List<String> secrets = new ArrayList<>(List.of(DB_PASSWORD, AMI_SECRET, ECCP_PASSWORD, Md5.hex(ECCP_PASSWORD),
                WRONG_PASSWORD, Md5.hex(WRONG_PASSWORD), AGENT_PASSWORD));
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        LoggerContext context = root.getLoggerContext();
        List<Logger> quieted = context.getLoggerList().stream().filter(l -> l.getLevel() != null).toList();
        List<Level> levels = quieted.stream().map(Logger::getLevel).toList();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        quieted.forEach(logger -> logger.setLevel(Level.DEBUG));
        try (AsteriskSimulator pbx = AsteriskSimulator.start(Scenario.recorded().managerUser(AMI_USER, AMI_SECRET), 0)) {
            Path ini = writeConfig(database, pbx.port());
            try (Dialerd dialerd = Dialerd.start(DialerdConfig.fromIni(IniFile.read(ini), false, temp))) {
                Awaits.until("AMI connected", Duration.ofSeconds(20), () -> dialerd.services().pbx().isConnected());
                exerciseLogins(dialerd.eccpPort(), secrets);
            }
        } finally {
            root.detachAppender(captured);
            for (int i = 0; i < quieted.size(); i++) {
                quieted.get(i).setLevel(levels.get(i));
            }
        }
        List<String> lines = captured.list.stream().map(SecretsNotLoggedIT::render).toList();
        assertTrue(lines.size() > 20, "expected a busy DEBUG log, got " + lines.size() + " lines");
        assertTrue(lines.stream().anyMatch(l -> l.contains("ECCP login refused for user '" + ECCP_USER + "'")),
                "the refused login is logged (without its password)");
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    leaks.add(secret + " in: " + line);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private void exerciseLogins(int port, List<String> secrets) throws IOException {
        try (EccpClient client = EccpClient.connect("127.0.0.1", port, Duration.ofSeconds(10))) {
            client.login(ECCP_USER, ECCP_PASSWORD); // the client library sends the MD5
            AgentCredentials agent = new AgentCredentials("Agent/9000", AGENT_PASSWORD);
            secrets.add(client.agentHash(agent));
            client.pingAgent(agent);
            AgentCredentials wrongAgent = new AgentCredentials("Agent/9000", "Agent-Typo-T9cL1s");
            secrets.add("Agent-Typo-T9cL1s");
            secrets.add(client.agentHash(wrongAgent));
            assertTrue(client.pingAgent(wrongAgent).failure().isPresent());
            assertTrue(client.hold(wrongAgent).failure().isPresent());
        }
        try (RawConnection raw = new RawConnection(port)) {
            raw.send(login(1, ECCP_PASSWORD) + login(2, WRONG_PASSWORD) + login(3, Md5.hex(WRONG_PASSWORD)));
            raw.awaitCount("</response>", 3, Duration.ofSeconds(10));
            // A malformed packet around the password: the decode failure is logged, the password is not.
            raw.send("<request id=\"4\"><login><username>" + ECCP_USER + "</username><password>" + ECCP_PASSWORD
                    + "</passwrd></login></request>");
            assertTrue(raw.awaitClosed(Duration.ofSeconds(10)));
        }
    }

    private static String login(int id, String password) {
        return "<request id=\"" + id + "\"><login><username>" + ECCP_USER + "</username><password>" + password
                + "</password></login></request>\n";
    }

    private static String render(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? line
                : line + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    /** An ECCP client and an agent password of our own. */
    private static void prepare(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO eccp_authorized_clients (username, md5_password) VALUES ('" + ECCP_USER
                    + "', MD5('" + ECCP_PASSWORD + "'))");
            sql.execute("UPDATE agent SET eccp_password = '" + AGENT_PASSWORD + "' WHERE number = '9000'");
        }
    }

    private Path writeConfig(Database database, int amiPort) throws IOException {
        return Files.writeString(temp.resolve("dialerd.conf"), String.join("\n",
                "[database]",
                "dbhost = 127.0.0.1:" + database.settings().port(),
                "dbuser = " + DB_USER,
                "dbpass = " + DB_PASSWORD,
                "dbname = " + database.settings().database(),
                "pool_size = 2",
                "[asterisk]",
                "host = 127.0.0.1",
                "port = " + amiPort,
                "user = " + AMI_USER,
                "secret = " + AMI_SECRET,
                "[eccp]",
                "port = 0",
                ""));
    }
}
