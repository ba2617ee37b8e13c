package org.dialerd.db;

import java.nio.file.Path;

/** The project's shared specs and traces: system property {@code dialerd.shared}, else {@code ../../shared}. */
final class SharedFiles {

    private SharedFiles() {
    }

    static Path root() {
        String configured = System.getProperty("dialerd.shared");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.dir")).resolve("../../shared").toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }
}
