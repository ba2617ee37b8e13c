package org.dialerd.packaging;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A .deb read in Java: an ar archive holding {@code debian-binary}, {@code control.tar.gz} and
 * {@code data.tar.gz} (the build asks jdeb for gzip). Lets the tests check the package on a
 * machine without dpkg.
 */
final class DebPackage {
    private static final String AR_MAGIC = "!<arch>\n";

    private final String formatVersion;
    private final List<TarEntry> control;
    private final List<TarEntry> data;

    private DebPackage(String formatVersion, List<TarEntry> control, List<TarEntry> data) {
        this.formatVersion = formatVersion;
        this.control = control;
        this.data = data;
    }

    static DebPackage read(Path deb) throws IOException {
        Map<String, byte[]> members = arMembers(deb);
        byte[] version = require(members, "debian-binary", deb);
        return new DebPackage(new String(version, StandardCharsets.US_ASCII).strip(),
                TarReader.readGzip(new ByteArrayInputStream(require(members, "control.tar.gz", deb))),
                TarReader.readGzip(new ByteArrayInputStream(require(members, "data.tar.gz", deb))));
    }

    String formatVersion() {
        return formatVersion;
    }

    /** The installed files, directories and links. */
    List<TarEntry> data() {
        return data;
    }

    Optional<TarEntry> dataEntry(String path) {
        return data.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    /** A control member ({@code control}, {@code postinst}, {@code conffiles}, …). */
    Optional<TarEntry> controlFile(String name) {
        return control.stream().filter(e -> e.path().equals(name)).findFirst();
    }

    /** The fields of the {@code control} file; continuation lines are folded into their field. */
    Map<String, String> controlFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : controlFile("control").orElseThrow().text().split("\n")) {
            if (line.startsWith(" ") && last != null) {
                fields.put(last, fields.get(last) + "\n" + line.substring(1));
            } else if (line.contains(":")) {
                last = line.substring(0, line.indexOf(':'));
                fields.put(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return fields;
    }

    private static Map<String, byte[]> arMembers(Path deb) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(deb);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(file))) {
            byte[] magic = new byte[AR_MAGIC.length()];
            in.readFully(magic);
            if (!new String(magic, StandardCharsets.US_ASCII).equals(AR_MAGIC)) {
                throw new IOException(deb + " is not an ar archive");
            }
            byte[] header = new byte[60];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    return members;
                }
                String name = new String(header, 0, 16, StandardCharsets.US_ASCII).strip();
                long size = Long.parseLong(new String(header, 48, 10, StandardCharsets.US_ASCII).strip());
                byte[] content = new byte[Math.toIntExact(size)];
                in.readFully(content);
                if (size % 2 == 1) {
                    in.readFully(new byte[1]); // members are aligned to two bytes
                }
                // GNU ar ends names with '/'; dpkg writes them without.
                members.put(name.endsWith("/") ? name.substring(0, name.length() - 1) : name, content);
            }
        }
    }

    private static byte[] require(Map<String, byte[]> members, String name, Path deb) throws IOException {
        byte[] content = members.get(name);
        if (content == null) {
            throw new IOException(deb + " has no member " + name + " (members: " + members.keySet() + ")");
        }
        return content;
    }
}
