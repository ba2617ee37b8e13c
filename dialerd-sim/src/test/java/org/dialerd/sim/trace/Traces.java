package org.dialerd.sim.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the recordings live: -Ddialerd.shared, else ../../shared from the module directory. */
public final class Traces {

    private Traces() {
    }

    public static Path dir() {
        String prop = System.getProperty("dialerd.shared");
        Path shared = prop != null && !prop.isBlank() ? Paths.get(prop)
                : Paths.get(System.getProperty("user.dir")).resolve("../../shared").normalize();
        return shared.resolve("ami-traces");
    }

    public static boolean available() {
        return Files.isDirectory(dir());
    }

    public static Path file(String prefix) throws java.io.IOException {
        try (var s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix + "-")).findFirst()
                    .orElseThrow(() -> new java.io.FileNotFoundException("no trace " + prefix + " in " + dir()));
        }
    }
}
