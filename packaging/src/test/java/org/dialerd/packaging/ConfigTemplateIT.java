package org.dialerd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.server.config.DialerdConfig;
import org.dialerd.server.config.IniFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped dialerd.conf (conf/dialerd.conf in the archive, dialerd.conf.example in the .deb)
 * shows every setting docs/configuration.md lists, commented out, with its default.
 */
class ConfigTemplateIT {
    /** "; key = value" */
    private static final Pattern COMMENTED_SETTING = Pattern.compile("^; ?([a-z_]+) = ?(.*)$");
    /** A `section.key` in the first column of the documentation's key table. */
    private static final Pattern DOCUMENTED_KEY = Pattern.compile("`([a-z]+\\.[a-z_]+)`");
    /**
     * Sections of modules other engineers add at the same time as the packages; their defaults
     * are checked by their own tests, so their lines are left commented here.
     */
    private static final Set<String> OTHER_MODULES = Set.of("http");

    private static List<String> template;

    @BeforeAll
    static void readTemplate() throws Exception {
        template = Files.readAllLines(BuiltPackages.archiveTree().resolve("conf/dialerd.conf"));
        assertEquals(template, Files.readAllLines(
                BuiltPackages.debTree().resolve("opt/dialerd/conf/dialerd.conf.example")));
    }

    @Test
    void setsNothingAsShipped() {
        assertEquals(java.util.Map.of(), IniFile.parse(template, "dialerd.conf").asMap());
    }

    @Test
    void showsEveryDocumentedKeyUnderItsSection() throws Exception {
        Set<String> commented = commentedKeys();
        List<String> missing = new ArrayList<>();
        for (String line : iniKeyTable()) {
            Matcher key = DOCUMENTED_KEY.matcher(line.substring(0, line.indexOf('|', 1)));
            while (key.find()) {
                if (!commented.contains(key.group(1))) {
                    missing.add(key.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
        for (String key : List.of("http.port", "http.bind_address", "freepbx.amportal_conf", "agents.membership")) {
            assertTrue(commented.contains(key), key);
        }
    }

    @Test
    void uncommentedItParsesToDialerdsDefaults() {
        List<String> uncommented = new ArrayList<>();
        String section = "";
        for (String line : template) {
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']'));
            }
            Matcher setting = COMMENTED_SETTING.matcher(line);
            uncommented.add(setting.matches() && !OTHER_MODULES.contains(section) ? line.substring(1).strip() : line);
        }
        DialerdConfig config = DialerdConfig.fromIni(IniFile.parse(uncommented, "uncommented dialerd.conf"), false,
                DialerdConfig.DEFAULT_DATA_DIR);

        // dialerd.conf warms the JIT by default; EccpServerSettings.defaults() (tests, embedding) starts cold.
        assertEquals(EccpServerSettings.defaults().withWarmupRequests(EccpServerSettings.DEFAULT_WARMUP_REQUESTS),
                config.eccp());
        DialerdConfig.DatabaseConfig database = config.database().orElseThrow();
        assertEquals(new DialerdConfig.DatabaseConfig("localhost", DialerdConfig.DatabaseConfig.DEFAULT_PORT,
                DialerdConfig.DatabaseConfig.DEFAULT_NAME, "root", "", DialerdConfig.DatabaseConfig.DEFAULT_POOL_SIZE),
                database);
        assertEquals(new DialerdConfig.AsteriskConfig("127.0.0.1", DialerdConfig.AsteriskConfig.DEFAULT_PORT, "", ""),
                config.asterisk().orElseThrow());
        // devices_table has no default (the template shows FreePBX's table as the example), and
        // membership's depends on amportal.conf (the template shows table).
        DialerdConfig.AgentsConfig defaults = DialerdConfig.AgentsConfig.DEFAULTS;
        assertEquals(new DialerdConfig.AgentsConfig(defaults.dialTemplate(), Optional.of("asterisk.devices"),
                defaults.staticMemberInterface(), Optional.of(false)), config.agents());
        assertEquals(Optional.of(Path.of("/etc/amportal.conf")), config.amportalConf());
        assertEquals(DialerdConfig.DEFAULT_DIAL_TEMPLATE, config.dialTemplate());
        assertEquals(DialerdConfig.DEFAULT_DATA_DIR, config.dataDir().normalize());
        assertEquals(DialerdConfig.AmiConfig.DEFAULTS, config.ami());
    }

    @Test
    void explainsWhatThePackagedServiceNeeds() {
        String text = String.join("\n", template);
        assertTrue(text.contains("/opt/issabel/dialer/dialerd.conf"), "the reference's file works as it is");
        assertFalse(text.lines().anyMatch(l -> l.startsWith("dbhost")), "no database is configured as shipped");
    }

    /** The rows of the INI key table in docs/configuration.md (not the valor_config one). */
    private static List<String> iniKeyTable() throws java.io.IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(BuiltPackages.projectRoot().resolve("docs/configuration.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## The INI file");
            } else if (inSection && line.startsWith("| `")) {
                rows.add(line);
            }
        }
        assertFalse(rows.isEmpty(), "no key table under '## The INI file' in docs/configuration.md");
        return rows;
    }

    private static Set<String> commentedKeys() {
        Set<String> keys = new LinkedHashSet<>();
        String section = "";
        for (String line : template) {
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']'));
            }
            Matcher setting = COMMENTED_SETTING.matcher(line);
            if (setting.matches()) {
                keys.add(section + "." + setting.group(1));
            }
        }
        return keys;
    }
}
