package org.dialerd.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialerd.ami.AmiProbe;
import org.dialerd.ami.AmiSettings;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.db.Database;
import org.dialerd.db.DatabaseSettings;
import org.dialerd.db.SchemaCheck;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcDeviceDirectory;
import org.dialerd.db.store.JdbcSettingsStore;
import org.dialerd.server.config.AmportalConf;
import org.dialerd.server.config.DialerdConfig;
import org.dialerd.server.config.IniFile;

/**
 * {@code dialerd --check-config [FILE]}: everything a start would need, checked without
 * starting or changing anything. One line per check, each either {@code ok} or
 * {@code FAILED} with what is wrong and how to fix it:
 * <pre>
 * ok      configuration file /etc/dialerd/dialerd.conf: valid
 * FAILED  database root@10.0.0.5:3306/call_center: Access denied for user 'root' — fix: check dbuser/dbpass ...
 * </pre>
 * A check that needs an earlier one that failed (the schema needs the database) is not run.
 */
final class ConfigCheck {
    static final Path DEFAULT_FILE = Path.of("/etc/dialerd/dialerd.conf");

    /** One checked thing. {@code fix} is empty for ok lines. */
    record Line(boolean ok, String subject, String detail, String fix) {
        static Line ok(String subject, String detail) {
            return new Line(true, subject, detail, "");
        }

        static Line failed(String subject, String detail, String fix) {
            return new Line(false, subject, detail, fix);
        }

        String format() {
            return ok ? "ok      " + subject + ": " + detail
                    : "FAILED  " + subject + ": " + detail + " — fix: " + fix;
        }
    }

    private final Path file;
    private final List<Line> lines = new ArrayList<>();

    private ConfigCheck(Path file) {
        this.file = file;
    }

    static List<Line> run(Path file) {
        ConfigCheck check = new ConfigCheck(file);
        check.all();
        return List.copyOf(check.lines);
    }

    private void all() {
        if (!Files.isRegularFile(file)) {
            lines.add(Line.failed("configuration file " + file, "not found", "name the file: dialerd --check-config "
                    + "FILE (the PHP dialerd's is /opt/issabel/dialer/dialerd.conf)"));
            return;
        }
        DialerdConfig config;
        try {
            config = DialerdConfig.fromIni(IniFile.read(file), false, DialerdConfig.DEFAULT_DATA_DIR);
        } catch (RuntimeException e) {
            lines.add(Line.failed("configuration file " + file, e.getMessage(),
                    "correct it in " + file + " (keys and values: docs/configuration.md)"));
            return;
        }
        lines.add(Line.ok("configuration file " + file, "valid"));
        Optional<DaemonSettings> settings = Optional.empty();
        if (config.database().isEmpty()) {
            lines.add(Line.ok("database", "no [database] section: the embedded MariaDB under "
                    + config.dataDir().toAbsolutePath() + " (valor_config not checked)"));
            freepbx(config, Optional.empty());
        } else {
            try (Database database = callCenter(config.database().get())) {
                if (database != null) {
                    settings = callCenterContents(database);
                    freepbx(config, Optional.of(database));
                } else {
                    freepbx(config, Optional.empty());
                }
            }
        }
        ami(config, settings);
    }

    /** Null (with a FAILED line) when the server cannot be reached. */
    private Database callCenter(DialerdConfig.DatabaseConfig db) {
        String subject = "database " + db.user() + "@" + db.host() + ":" + db.port() + "/" + db.name();
        try {
            Database database = Database.open(new DatabaseSettings(db.host(), db.port(), db.name(), db.user(),
                    db.password(), 1, DatabaseSettings.DEFAULT_CONNECT_TIMEOUT));
            lines.add(Line.ok(subject, "connected"));
            return database;
        } catch (RuntimeException e) {
            lines.add(Line.failed(subject, rootMessage(e), "check [database] dbhost, dbuser and dbpass in " + file
                    + ", and that MariaDB runs on " + db.host() + ":" + db.port()));
            return null;
        }
    }

    /** The schema and valor_config; the settings when they validate. */
    private Optional<DaemonSettings> callCenterContents(Database database) {
        try {
            SchemaCheck.Result schema = SchemaCheck.check(database.dataSource());
            if (schema.complete()) {
                lines.add(Line.ok("schema", schema.tables() + " tables, " + schema.columns() + " columns present"));
            } else {
                lines.add(Line.failed("schema", missing(schema), "dialerd creates missing tables when it starts "
                        + "(its database user needs the CREATE privilege), or load sql/schema.sql; a missing column "
                        + "means an older call_center schema (docs/database.md)"));
            }
        } catch (RuntimeException e) {
            lines.add(Line.failed("schema", rootMessage(e), "the database user needs to read information_schema"));
        }
        try {
            var rows = new JdbcSettingsStore(new Jdbc(database.dataSource())).valorConfig();
            DaemonSettings settings = DaemonSettings.fromValorConfig(rows);
            lines.add(Line.ok("valor_config", rows.size() + " rows, every dialerd setting valid"));
            return Optional.of(settings);
        } catch (RuntimeException e) {
            lines.add(Line.failed("valor_config", rootMessage(e), "correct the row in call_center.valor_config "
                    + "(Issabel web UI: Call Center → Configuration)"));
            return Optional.empty();
        }
    }

    private static String missing(SchemaCheck.Result schema) {
        List<String> parts = new ArrayList<>();
        if (!schema.missingTables().isEmpty()) {
            parts.add("missing tables " + String.join(", ", schema.missingTables()));
        }
        if (!schema.missingColumns().isEmpty()) {
            parts.add("missing columns " + String.join(", ", schema.missingColumns()));
        }
        return String.join("; ", parts);
    }

    /** Where extensions' dial strings come from, and that it can be read. */
    private void freepbx(DialerdConfig config, Optional<Database> callCenter) {
        DialerdConfig.AgentsConfig agents = config.agents();
        if (agents.devicesTable().isPresent()) {
            String table = agents.devicesTable().get();
            if (callCenter.isEmpty()) {
                lines.add(Line.failed("devices table " + table, "not checked without the call_center database",
                        "fix the database first"));
                return;
            }
            devices("devices table " + table + " (agents.devices_table)", callCenter.get(), table,
                    "the table must have columns user and dial, readable by the call_center user");
            return;
        }
        String template = "extensions dial " + agents.dialTemplate() + " (agents.dial_template)";
        if (config.amportalConf().isEmpty()) {
            lines.add(Line.ok("amportal.conf", "not read ([freepbx] amportal_conf is empty); " + template));
            return;
        }
        Path path = config.amportalConf().get();
        if (!Files.exists(path)) {
            lines.add(Line.ok(path.toString(), "absent, not a FreePBX host; " + template));
            return;
        }
        AmportalConf conf;
        DatabaseSettings settings;
        try {
            conf = AmportalConf.read(path);
            settings = FreepbxStartup.settings(conf);
        } catch (RuntimeException e) {
            lines.add(Line.failed(path.toString(), e.getMessage(), "add AMPDBHOST, AMPDBUSER and AMPDBPASS (the "
                    + "FreePBX database login) to " + path + ", or set [freepbx] amportal_conf = (empty) in " + file
                    + " to dial agents.dial_template"));
            return;
        }
        String subject = "FreePBX devices " + settings.user() + "@" + settings.host() + ":" + settings.port() + "/"
                + settings.database() + ".devices";
        try (Database database = Database.open(settings.withPoolSize(1))) {
            devices(subject, database, "devices", "the FreePBX database " + settings.database()
                    + " must hold FreePBX's devices table");
        } catch (RuntimeException e) {
            lines.add(Line.failed(subject, rootMessage(e), "check AMPDBHOST, AMPDBUSER and AMPDBPASS in " + path));
        }
    }

    private void devices(String subject, Database database, String table, String fix) {
        try {
            int count = new JdbcDeviceDirectory(new Jdbc(database.dataSource()), table).size();
            lines.add(Line.ok(subject, count + " devices"));
        } catch (RuntimeException e) {
            lines.add(Line.failed(subject, rootMessage(e), fix));
        }
    }

    private void ami(DialerdConfig config, Optional<DaemonSettings> settings) {
        if (config.asterisk().isEmpty() && settings.isEmpty()) {
            lines.add(Line.failed("AMI", "not checked: the login is in valor_config, which could not be read",
                    "fix the database first, or add an [asterisk] section (host, user, secret) to " + file));
            return;
        }
        Optional<AmiSettings> ami;
        try {
            ami = PbxStartup.amiSettings(config, settings.orElse(DaemonSettings.DEFAULTS));
        } catch (RuntimeException e) {
            lines.add(Line.failed("AMI", e.getMessage(), "correct valor_config asterisk.asthost"));
            return;
        }
        if (ami.isEmpty()) {
            lines.add(Line.failed("AMI", "no manager user", "set valor_config asterisk.astuser and asterisk.astpass "
                    + "(Issabel web UI), or add an [asterisk] section (host, user, secret) to " + file));
            return;
        }
        AmiSettings login = ami.get();
        String subject = "AMI " + login.username() + "@" + login.host() + ":" + login.port();
        AmiProbe.Result result = AmiProbe.loginAndLogoff(login);
        lines.add(result.ok() ? Line.ok(subject, "logged in and off (" + result.detail() + ")")
                : Line.failed(subject, result.detail(), "check the user and secret against /etc/asterisk/manager.conf "
                        + "and that Asterisk's manager listens on " + login.host() + ":" + login.port()));
    }

    /** The innermost message: the driver's "Access denied ..." says more than our wrapper. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
