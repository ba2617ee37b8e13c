package org.dialerd.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The recorded data in the repository's {@code testdata/} folder (testdata/README.md): the
 * system property {@code dialerd.testdata}, which the root pom sets, else the first
 * {@code testdata/} found from the working directory upwards. A missing folder or file is an
 * error, never a reason to skip.
 */
public final class TestData {
    public static final String PROPERTY = "dialerd.testdata";

    private TestData() {
    }

    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " is not a directory");
            }
            return root;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("testdata/eccp-traces"))) {
                return dir.resolve("testdata");
            }
        }
        throw new IllegalStateException("no testdata/ folder in " + Path.of("").toAbsolutePath()
                + " or above it, and -D" + PROPERTY + " is not set");
    }

    /** A file under {@link #root()}; fails when it does not exist. */
    public static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test data file missing: " + file);
        }
        return file;
    }

    /** The reference daemon's transcripts and their seed. */
    public static Path eccpTraces() {
        return directory("eccp-traces");
    }

    /** The seed the transcripts were recorded on. */
    public static Path referenceDump() {
        return file("eccp-traces/seed/call_center-data.sql");
    }

    /** The real Asterisk 22 recordings. */
    public static Path amiTraces() {
        return directory("ami-traces");
    }

    /** The recording {@code ami-traces/<prefix>-*.txt}, e.g. {@code "04b"}; fails when there is none. */
    public static Path amiTrace(String prefix) {
        try (Stream<Path> files = Files.list(amiTraces())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix + "-"))
                    .filter(p -> p.toString().endsWith(".txt"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no recording " + prefix + "-*.txt in "
                            + amiTraces()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(String relative) {
        Path dir = root().resolve(relative);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("test data folder missing: " + dir);
        }
        return dir;
    }
}
