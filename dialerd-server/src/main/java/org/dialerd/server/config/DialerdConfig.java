package org.dialerd.server.config;

import java.nio.file.Path;
import java.util.Optional;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.http.HttpSettings;

/**
 * Everything dialerd is started with, validated once. Built from the command line and, with
 * {@code --config}, an INI file compatible with the reference {@code dialerd.conf}
 * ({@code [database] dbhost dbuser dbpass}) plus dialerd's own keys (see docs/configuration.md).
 *
 * @param database     empty means the embedded MariaDB under {@code dataDir}
 * @param amportalConf FreePBX's amportal.conf ({@code [freepbx] amportal_conf}, default
 *                     {@code /etc/amportal.conf}); empty: not read
 * @param http         the health and metrics listener; empty means none
 * @param webhooks     the webhook endpoints (none: no webhooks)
 */
public record DialerdConfig(boolean demo, Path dataDir, Optional<DatabaseConfig> database, EccpServerSettings eccp,
                            Optional<AsteriskConfig> asterisk, AgentsConfig agents, String dialTemplate,
                            Optional<Path> amportalConf, JournalConfig journal, Optional<HttpSettings> http,
                            org.dialerd.http.webhook.WebhookSettings webhooks) {

    /** A campaign without trunk dials {@code Local/<phone>@from-internal}, as the reference. */
    public static final String DEFAULT_DIAL_TEMPLATE = "Local/{phone}@from-internal";

    public static final Path DEFAULT_DATA_DIR = Path.of("dialerd-data");

    /** A MariaDB server to connect to. */
    public record DatabaseConfig(String host, int port, String name, String user, String password, int poolSize) {
        public static final int DEFAULT_PORT = 3306;
        public static final String DEFAULT_NAME = "call_center";
        public static final int DEFAULT_POOL_SIZE = 10;

        /** Password masked: configurations get logged. */
        @Override
        public String toString() {
            return "DatabaseConfig[" + user + "@" + host + ":" + port + "/" + name + ", password="
                    + (password.isEmpty() ? "(empty)" : "***") + ", poolSize=" + poolSize + "]";
        }
    }

    /**
     * The write journal ({@code [journal]}; docs/configuration.md).
     *
     * @param dir empty: {@code <data_dir>/journal}
     */
    public record JournalConfig(Optional<Path> dir, long maxBytes, int fsyncIntervalMs, int idBlock) {
        public static final long DEFAULT_MAX_BYTES = 1L << 30;
        public static final int DEFAULT_FSYNC_INTERVAL_MS = 5;
        public static final int DEFAULT_ID_BLOCK = 10_000;
        public static final JournalConfig DEFAULTS = new JournalConfig(Optional.empty(), DEFAULT_MAX_BYTES,
                DEFAULT_FSYNC_INTERVAL_MS, DEFAULT_ID_BLOCK);

        static JournalConfig fromIni(IniFile ini) {
            long maxBytes = ini.get("journal.max_bytes").map(v -> parseLong("journal.max_bytes", v, 1L << 20))
                    .orElse(DEFAULT_MAX_BYTES);
            return new JournalConfig(ini.get("journal.dir").map(String::strip).filter(d -> !d.isEmpty()).map(Path::of),
                    maxBytes, intValue(ini, "journal.fsync_interval_ms", DEFAULT_FSYNC_INTERVAL_MS, 1, 1000),
                    intValue(ini, "journal.id_block", DEFAULT_ID_BLOCK, 10, 10_000_000));
        }
    }

    /** An AMI login; without an {@code [asterisk]} section the {@code valor_config} rows are used. */
    public record AsteriskConfig(String host, int port, String user, String secret) {
        public static final int DEFAULT_PORT = 5038;

        /** Secret masked: configurations get logged. */
        @Override
        public String toString() {
            return "AsteriskConfig[" + user + "@" + host + ":" + port + ", secret="
                    + (secret.isEmpty() ? "(empty)" : "***") + "]";
        }
    }

    /**
     * How agents reach Asterisk.
     *
     * @param dialTemplate          extension → dial string when no devices table is configured
     * @param devicesTable          FreePBX's {@code asterisk.devices} (columns user, dial), when set
     * @param staticMemberInterface a static agent's queue interface ({@code {number}} replaced)
     * @param membershipFromAstdb   {@code agents.membership}: dynamic agents' queues from FreePBX astdb
     *                              QPENALTY (true) or dialerd's {@code dialerd_queue_member} table
     *                              (false); unset: astdb when amportal.conf names the FreePBX database
     */
    public record AgentsConfig(String dialTemplate, Optional<String> devicesTable, String staticMemberInterface,
                               Optional<Boolean> membershipFromAstdb) {
        public static final String DEFAULT_DIAL_TEMPLATE = "SIP/{ext}";
        public static final String DEFAULT_STATIC_MEMBER = "Local/{number}@agent-request";
        public static final AgentsConfig DEFAULTS = new AgentsConfig(DEFAULT_DIAL_TEMPLATE, Optional.empty(),
                DEFAULT_STATIC_MEMBER, Optional.empty());
    }

    /** Reads the INI keys; any key present with an unusable value fails with its name and value. */
    public static DialerdConfig fromIni(IniFile ini, boolean demo, Path dataDir) {
        Optional<DatabaseConfig> database = Optional.empty();
        if (ini.get("database.dbhost").isPresent()) {
            String host = ini.get("database.dbhost").get().strip();
            int port = intValue(ini, "database.dbport", DatabaseConfig.DEFAULT_PORT, 1, 65535);
            // The reference accepts "host:port" in dbhost.
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(':') == colon) {
                port = parseInt("database.dbhost", host.substring(colon + 1), 1, 65535);
                host = host.substring(0, colon);
            }
            if (host.isEmpty()) {
                throw new ConfigException("database.dbhost must not be empty");
            }
            database = Optional.of(new DatabaseConfig(host, port,
                    ini.get("database.dbname").orElse(DatabaseConfig.DEFAULT_NAME),
                    ini.get("database.dbuser").orElse("root"),
                    ini.get("database.dbpass").orElse(""),
                    intValue(ini, "database.pool_size", DatabaseConfig.DEFAULT_POOL_SIZE, 1, 500)));
        }
        try {
            EccpServerSettings eccp = EccpIni.settings(ini);
            Path dir = ini.get("dialerd.data_dir").map(Path::of).orElse(dataDir);
            Optional<AsteriskConfig> asterisk = Optional.empty();
            if (ini.get("asterisk.host").isPresent()) {
                asterisk = Optional.of(new AsteriskConfig(ini.get("asterisk.host").get().strip(),
                        intValue(ini, "asterisk.port", AsteriskConfig.DEFAULT_PORT, 1, 65535),
                        ini.get("asterisk.user").orElse(""), ini.get("asterisk.secret").orElse("")));
            }
            String template = ini.get("agents.dial_template").map(String::strip)
                    .orElse(AgentsConfig.DEFAULT_DIAL_TEMPLATE);
            if (!template.contains("{ext}")) {
                throw new ConfigException("agents.dial_template = '" + template + "': must contain {ext}");
            }
            Optional<String> devices = ini.get("agents.devices_table").map(String::strip).filter(t -> !t.isEmpty());
            devices.filter(t -> !t.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)?")).ifPresent(t -> {
                throw new ConfigException("agents.devices_table = '" + t + "': expected table or database.table");
            });
            String member = ini.get("agents.static_member_interface").map(String::strip)
                    .orElse(AgentsConfig.DEFAULT_STATIC_MEMBER);
            if (!member.contains("{number}")) {
                throw new ConfigException("agents.static_member_interface = '" + member + "': must contain {number}");
            }
            Optional<String> membership = ini.get("agents.membership").map(String::strip);
            membership.filter(m -> !m.equals("table") && !m.equals("astdb")).ifPresent(m -> {
                throw new ConfigException("agents.membership = '" + m + "': expected table or astdb");
            });
            String dialTemplate = ini.get("dialer.dial_template").map(String::strip).orElse(DEFAULT_DIAL_TEMPLATE);
            if (!dialTemplate.contains("{phone}")) {
                throw new ConfigException("dialer.dial_template = '" + dialTemplate + "': must contain {phone}");
            }
            // An empty value turns the FreePBX lookup off.
            Optional<Path> amportal = Optional.of(ini.get("freepbx.amportal_conf").map(String::strip)
                    .orElse(AmportalConf.DEFAULT_PATH.toString())).filter(p -> !p.isEmpty()).map(Path::of);
            return new DialerdConfig(demo, dir, database, eccp, asterisk, new AgentsConfig(template, devices, member,
                    membership.map(m -> m.equals("astdb"))), dialTemplate, amportal, JournalConfig.fromIni(ini),
                    HttpConfig.fromIni(ini), WebhookConfig.fromIni(ini));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    public static DialerdConfig embeddedDefaults(boolean demo, Path dataDir) {
        return new DialerdConfig(demo, dataDir, Optional.empty(), EccpServerSettings.defaults(), Optional.empty(),
                AgentsConfig.DEFAULTS, DEFAULT_DIAL_TEMPLATE, Optional.empty(), JournalConfig.DEFAULTS,
                demo ? Optional.of(HttpSettings.on(HttpSettings.DEFAULT_PORT)) : Optional.empty(),
                org.dialerd.http.webhook.WebhookSettings.of(java.util.List.of()));
    }

    public DialerdConfig withEccpPort(int port) {
        return new DialerdConfig(demo, dataDir, database, eccp.withPort(port), asterisk, agents, dialTemplate,
                amportalConf, journal, http, webhooks);
    }

    /** {@code --http-port}: the listener on this port (0: any free one), on in every mode. */
    public DialerdConfig withHttpPort(int port) {
        return new DialerdConfig(demo, dataDir, database, eccp, asterisk, agents, dialTemplate, amportalConf, journal,
                Optional.of(http.orElseGet(() -> HttpSettings.on(port)).withPort(port)), webhooks);
    }

    private static int intValue(IniFile ini, String key, int fallback, int min, int max) {
        return ini.get(key).map(value -> parseInt(key, value, min, max)).orElse(fallback);
    }

    static long parseLong(String key, String value, long min) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < min) {
                throw new ConfigException(key + " = '" + value + "': must be at least " + min);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " = '" + value + "': not a whole number", e);
        }
    }

    static int parseInt(String key, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw new ConfigException(key + " = '" + value + "': must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " = '" + value + "': not a whole number", e);
        }
    }
}
