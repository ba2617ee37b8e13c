package org.dialerd.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PHP-style INI file as the reference {@code dialerd.conf} uses: {@code [section]} headers,
 * {@code key = value} lines, {@code ;} and {@code #} comments, optional double quotes around values.
 * Keys are looked up as {@code section.key}.
 */
public final class IniFile {
    private final Map<String, String> values;

    private IniFile(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static IniFile read(Path path) {
        try {
            return parse(Files.readAllLines(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + path + ": " + e.getMessage(), e);
        }
    }

    public static IniFile parse(List<String> lines, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        String section = "";
        int lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new ConfigException(source + ":" + lineNumber + ": unterminated section header '" + line + "'");
                }
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException(source + ":" + lineNumber + ": expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, equals).strip();
            values.put(section.isEmpty() ? key : section + "." + key, unquote(line.substring(equals + 1).strip()));
        }
        return new IniFile(values);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Map<String, String> asMap() {
        return values;
    }
}
