package org.dialerd.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packages this build made (paths passed by failsafe) and their contents unpacked under
 * {@code target/installed}. A missing package fails the test: these tests run only after
 * {@code package}, through {@code mvn verify}.
 */
final class BuiltPackages {
    private static Path debTree;
    private static Path archiveTree;

    private BuiltPackages() {
    }

    static Path deb() {
        return existing("dialerd.deb");
    }

    static Path archive() {
        return existing("dialerd.dist");
    }

    static String version() {
        return property("dialerd.version");
    }

    static String debVersion() {
        return property("dialerd.deb.version");
    }

    /** The reactor's root directory (docs/, sql/). */
    static Path projectRoot() {
        return Path.of(property("dialerd.root"));
    }

    static Path target() {
        return Path.of(System.getProperty("user.dir"), "target");
    }

    /** Where the tests run things; emptied for each caller that asks with a new name. */
    static Path scratch(String name) {
        Path dir = target().resolve("installed").resolve(name);
        deleteTree(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The .deb unpacked as dpkg would install it, but under a directory: with
     * {@code dpkg-deb -x} where dpkg is installed, else by the Java reader.
     */
    static synchronized Path debTree() throws IOException, InterruptedException {
        if (debTree == null) {
            Path tree = scratch("deb-tree");
            if (Commands.available("dpkg-deb")) {
                Process dpkg = new ProcessBuilder("dpkg-deb", "-x", deb().toString(), tree.toString())
                        .redirectErrorStream(true).start();
                String output = new String(dpkg.getInputStream().readAllBytes());
                if (!dpkg.waitFor(120, TimeUnit.SECONDS) || dpkg.exitValue() != 0) {
                    throw new IOException("dpkg-deb -x " + deb() + " failed: " + output);
                }
            } else {
                System.err.println("dpkg-deb is not installed: unpacking " + deb() + " with the Java reader");
                unpack(DebPackage.read(deb()).data(), tree);
            }
            debTree = tree;
        }
        return debTree;
    }

    /** The tar.gz unpacked; returns its top directory {@code dialerd-<version>}. */
    static synchronized Path archiveTree() throws IOException {
        if (archiveTree == null) {
            Path dir = scratch("archive-tree");
            try (InputStream in = Files.newInputStream(archive())) {
                unpack(TarReader.readGzip(in), dir);
            }
            archiveTree = dir.resolve("dialerd-" + version());
        }
        return archiveTree;
    }

    static List<TarEntry> archiveEntries() throws IOException {
        try (InputStream in = Files.newInputStream(archive())) {
            return TarReader.readGzip(in);
        }
    }

    private static void unpack(List<TarEntry> entries, Path root) throws IOException {
        for (TarEntry entry : entries) {
            Path path = root.resolve(entry.path()).normalize();
            if (!path.startsWith(root)) {
                throw new IOException("archive entry " + entry.path() + " points outside the tree");
            }
            switch (entry.type()) {
                case DIRECTORY -> Files.createDirectories(path);
                case SYMLINK -> {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.linkTarget().orElseThrow()));
                }
                case FILE -> {
                    Files.createDirectories(path.getParent());
                    Files.write(path, entry.content());
                    Files.setPosixFilePermissions(path, permissions(entry.mode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }

    private static Path existing(String property) {
        Path path = Path.of(property(property));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " = " + path + ": no such package; these tests run after"
                    + " `package` (./mvnw verify)");
        }
        return path;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the package tests"
                    + " through ./mvnw verify (failsafe sets it)");
        }
        return value;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }
}
