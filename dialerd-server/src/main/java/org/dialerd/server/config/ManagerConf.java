package org.dialerd.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AMI login the reference falls back to when valor_config has none (asthost local, astuser
 * and astpass empty): the first user of Asterisk's {@code manager.conf} other than
 * {@code [general]} that has {@code secret}, {@code read} and {@code write}. Read line by line
 * as the reference does ({@code [name]} then {@code key = value}; anything else, such as
 * {@code #include} or templates, is skipped).
 */
public final class ManagerConf {
    public static final Path DEFAULT_PATH = Path.of("/etc/asterisk/manager.conf");

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[(\\w+)\\]");
    private static final Pattern KEY = Pattern.compile("^(\\w+)\\s*=\\s*(.*)");

    /** A manager.conf user. The secret is never printed. */
    public record Login(String user, String secret) {
        @Override
        public String toString() {
            return "Login[" + user + ", secret=***]";
        }
    }

    private ManagerConf() {
    }

    /** Empty when the file is absent or unreadable, or names no usable user. */
    public static Optional<Login> firstLogin(Path path) {
        if (!Files.isReadable(path)) {
            return Optional.empty();
        }
        try {
            return firstLogin(Files.readAllLines(path, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<Login> firstLogin(List<String> lines) {
        Map<String, Map<String, String>> sections = new java.util.LinkedHashMap<>();
        String section = null;
        for (String raw : lines) {
            String line = raw.stripTrailing();
            Matcher header = SECTION.matcher(line);
            Matcher key = KEY.matcher(line);
            if (header.find()) {
                section = header.group(1);
                sections.putIfAbsent(section, new HashMap<>());
            } else if (section != null && key.find()) {
                // A value's trailing "; comment" is Asterisk's comment syntax.
                sections.get(section).put(key.group(1), key.group(2).replaceFirst("\\s*;.*$", "").strip());
            }
        }
        return sections.entrySet().stream()
                .filter(e -> !e.getKey().equals("general"))
                .filter(e -> e.getValue().containsKey("secret") && e.getValue().containsKey("read")
                        && e.getValue().containsKey("write"))
                .map(e -> new Login(e.getKey(), e.getValue().get("secret")))
                .findFirst();
    }
}
