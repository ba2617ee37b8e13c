package org.dialerd.packaging;

import java.util.Optional;

/**
 * One member of a tar archive, as the package tests need it.
 *
 * @param path       without a leading {@code ./} or {@code /} (e.g. {@code opt/dialerd/bin/dialerd})
 * @param mode       permission bits (e.g. {@code 0755})
 * @param linkTarget the target of a symbolic link
 */
record TarEntry(String path, Type type, int mode, long size, Optional<String> linkTarget, byte[] content) {
    enum Type { FILE, DIRECTORY, SYMLINK }

    boolean isExecutable() {
        return (mode & 0111) == 0111;
    }

    String text() {
        return new String(content, java.nio.charset.StandardCharsets.UTF_8);
    }
}
