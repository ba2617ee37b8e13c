package org.dialerd.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only material beside the checkout (../shared): specs, transcripts, AMI recordings. */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("dialerd.shared");
        Path path = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.dir")).resolve("../../shared");
        Path normalized = path.toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(normalized.resolve("eccp-traces")),
                "shared material not found at " + normalized + " (set -Ddialerd.shared)");
        return normalized;
    }

    public static Path eccpTraces() {
        return root().resolve("eccp-traces");
    }
}
