package org.dialerd.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreePBX's {@code /etc/amportal.conf}: shell-style {@code KEY=VALUE} lines, {@code #}
 * comments, values optionally in single or double quotes. The reference daemon reads the
 * FreePBX database login from it (AMPDBHOST, AMPDBUSER, AMPDBPASS; the database is
 * {@code asterisk}), and so do we, to find extensions in {@code devices}.
 *
 * <pre>
 * AMPDBHOST=localhost
 * AMPDBUSER=asteriskuser
 * AMPDBPASS="s3cret#1"   # quoted: the # is part of the password
 * AMPDBNAME=asterisk
 * </pre>
 */
public record AmportalConf(Path path, Map<String, String> values) {
    public static final Path DEFAULT_PATH = Path.of("/etc/amportal.conf");
    /** The keys without which the FreePBX database cannot be reached. */
    public static final List<String> DATABASE_KEYS = List.of("AMPDBHOST", "AMPDBUSER", "AMPDBPASS");
    public static final String DEFAULT_DATABASE = "asterisk";
    /** The devices table is read once per loginagent: two connections are plenty. */
    public static final int POOL_SIZE = 2;

    private static final Pattern LINE = Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$");

    public AmportalConf {
        values = Map.copyOf(values);
    }

    public static AmportalConf read(Path path) {
        try {
            return parse(Files.readAllLines(path, StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Lines that are not {@code KEY=VALUE} are ignored, as FreePBX and the reference do. */
    public static AmportalConf parse(List<String> lines, Path path) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                values.put(m.group(1), value(m.group(2)));
            }
        }
        return new AmportalConf(path, values);
    }

    /** A quoted value ends at its closing quote; an unquoted one at a {@code #} after a blank. */
    static String value(String text) {
        if (text.startsWith("\"") || text.startsWith("'")) {
            char quote = text.charAt(0);
            StringBuilder value = new StringBuilder();
            for (int i = 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == quote) {
                    return value.toString();
                }
                if (quote == '"' && c == '\\' && i + 1 < text.length()) {
                    c = text.charAt(++i);
                }
                value.append(c);
            }
            return value.toString(); // unterminated: take the rest, as a lenient shell reader would
        }
        return text.replaceFirst("\\s+#.*$", "").strip();
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Which of {@link #DATABASE_KEYS} the file lacks. */
    public List<String> missingDatabaseKeys() {
        return DATABASE_KEYS.stream().filter(key -> get(key).isEmpty()).toList();
    }

    /**
     * The FreePBX database login. AMPDBHOST may carry {@code :port}; AMPDBPORT and AMPDBNAME
     * are optional (3306, {@value #DEFAULT_DATABASE}).
     *
     * @throws ConfigException naming the file and what is missing or unusable
     */
    public DialerdConfig.DatabaseConfig database() {
        List<String> missing = missingDatabaseKeys();
        if (!missing.isEmpty()) {
            throw new ConfigException(path + " has no " + String.join(", ", missing));
        }
        String engine = get("AMPDBENGINE").orElse("mysql");
        if (!engine.equals("mysql") && !engine.equals("mysqli")) {
            throw new ConfigException(path + ": AMPDBENGINE = '" + engine + "': only mysql is supported");
        }
        String host = get("AMPDBHOST").get().strip();
        int port = get("AMPDBPORT").map(p -> DialerdConfig.parseInt(path + ": AMPDBPORT", p, 1, 65535))
                .orElse(DialerdConfig.DatabaseConfig.DEFAULT_PORT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
            port = DialerdConfig.parseInt(path + ": AMPDBHOST", host.substring(colon + 1), 1, 65535);
            host = host.substring(0, colon);
        }
        if (host.isEmpty()) {
            throw new ConfigException(path + ": AMPDBHOST must not be empty");
        }
        return new DialerdConfig.DatabaseConfig(host, port, get("AMPDBNAME").filter(n -> !n.isBlank())
                .orElse(DEFAULT_DATABASE), get("AMPDBUSER").get(), get("AMPDBPASS").get(), POOL_SIZE);
    }
}
