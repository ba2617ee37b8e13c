package org.dialerd.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.http.HttpSettings;

/**
 * Everything dialerd is started with, validated once. Built from the command line and, with
 * {@code --config}, an INI file compatible with the reference {@code dialerd.conf}
 * ({@code [database] dbhost dbuser dbpass}) plus dialerd's own keys (see docs/configuration.md).
 *
 * @param database empty means the embedded MariaDB under {@code dataDir}
 * @param http     the health and metrics listener; empty means none
 */
public record DialerdConfig(boolean demo, Path dataDir, Optional<DatabaseConfig> database, EccpServerSettings eccp,
                            Optional<AsteriskConfig> asterisk, AgentsConfig agents, String dialTemplate,
                            Optional<HttpSettings> http) {

    /** A campaign without trunk dials {@code Local/<phone>@from-internal}, as the reference. */
    public static final String DEFAULT_DIAL_TEMPLATE = "Local/{phone}@from-internal";

    public static final Path DEFAULT_DATA_DIR = Path.of("dialerd-data");

    /** A MariaDB server to connect to. */
    public record DatabaseConfig(String host, int port, String name, String user, String password, int poolSize) {
        public static final int DEFAULT_PORT = 3306;
        public static final String DEFAULT_NAME = "call_center";
        public static final int DEFAULT_POOL_SIZE = 10;
    }

    /** An AMI login; without an {@code [asterisk]} section the {@code valor_config} rows are used. */
    public record AsteriskConfig(String host, int port, String user, String secret) {
        public static final int DEFAULT_PORT = 5038;
    }

    /**
     * How agents reach Asterisk.
     *
     * @param dialTemplate          extension → dial string when no devices table is configured
     * @param devicesTable          FreePBX's {@code asterisk.devices} (columns user, dial), when set
     * @param staticMemberInterface a static agent's queue interface ({@code {number}} replaced)
     * @param membershipFromAstdb   dynamic agents' queues from FreePBX astdb QPENALTY instead of
     *                              dialerd's {@code dialerd_queue_member} table
     */
    public record AgentsConfig(String dialTemplate, Optional<String> devicesTable, String staticMemberInterface,
                               boolean membershipFromAstdb) {
        public static final String DEFAULT_DIAL_TEMPLATE = "SIP/{ext}";
        public static final String DEFAULT_STATIC_MEMBER = "Local/{number}@agent-request";
        public static final AgentsConfig DEFAULTS = new AgentsConfig(DEFAULT_DIAL_TEMPLATE, Optional.empty(),
                DEFAULT_STATIC_MEMBER, false);
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
        EccpServerSettings defaults = EccpServerSettings.defaults();
        try {
            EccpServerSettings eccp = new EccpServerSettings(
                    ini.get("eccp.bind_address").map(String::strip).orElse(defaults.bindAddress()),
                    intValue(ini, "eccp.port", defaults.port(), 0, 65535),
                    intValue(ini, "eccp.max_packet_bytes", defaults.maxPacketBytes(), 64, Integer.MAX_VALUE),
                    Duration.ofSeconds(intValue(ini, "eccp.idle_timeout", (int) defaults.idleTimeout().toSeconds(),
                            1, Integer.MAX_VALUE)),
                    intValue(ini, "eccp.max_requests_in_flight", defaults.maxRequestsInFlight(), 1, 1_000_000),
                    intValue(ini, "eccp.max_outbound_bytes", defaults.maxOutboundBytes(), 64 * 1024,
                            Integer.MAX_VALUE),
                    ini.get("eccp.allowed_clients").map(DialerdConfig::addressList).orElse(Set.of()),
                    intValue(ini, "eccp.worker_threads", defaults.workerThreads(), 1, 1024));
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
            String membership = ini.get("agents.membership").map(String::strip).orElse("table");
            if (!membership.equals("table") && !membership.equals("astdb")) {
                throw new ConfigException("agents.membership = '" + membership + "': expected table or astdb");
            }
            String dialTemplate = ini.get("dialer.dial_template").map(String::strip).orElse(DEFAULT_DIAL_TEMPLATE);
            if (!dialTemplate.contains("{phone}")) {
                throw new ConfigException("dialer.dial_template = '" + dialTemplate + "': must contain {phone}");
            }
            return new DialerdConfig(demo, dir, database, eccp, asterisk,
                    new AgentsConfig(template, devices, member, membership.equals("astdb")), dialTemplate,
                    HttpConfig.fromIni(ini));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    public static DialerdConfig embeddedDefaults(boolean demo, Path dataDir) {
        return new DialerdConfig(demo, dataDir, Optional.empty(), EccpServerSettings.defaults(), Optional.empty(),
                AgentsConfig.DEFAULTS, DEFAULT_DIAL_TEMPLATE,
                demo ? Optional.of(HttpSettings.on(HttpSettings.DEFAULT_PORT)) : Optional.empty());
    }

    public DialerdConfig withEccpPort(int port) {
        return new DialerdConfig(demo, dataDir, database, eccp.withPort(port), asterisk, agents, dialTemplate, http);
    }

    /** {@code --http-port}: the listener on this port (0: any free one), on in every mode. */
    public DialerdConfig withHttpPort(int port) {
        return new DialerdConfig(demo, dataDir, database, eccp, asterisk, agents, dialTemplate,
                Optional.of(http.orElseGet(() -> HttpSettings.on(port)).withPort(port)));
    }

    private static Set<String> addressList(String value) {
        Set<String> addresses = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(addresses::add);
        return addresses;
    }

    private static int intValue(IniFile ini, String key, int fallback, int min, int max) {
        return ini.get(key).map(value -> parseInt(key, value, min, max)).orElse(fallback);
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
