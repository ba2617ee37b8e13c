package org.dialerd.packaging;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a gzip-compressed tar archive (what jdeb and maven-assembly write: ustar, with PAX or
 * GNU long-name records) into memory, so the package tests can check it on any machine,
 * without dpkg or tar. Regular files, directories and symbolic links; anything else fails.
 */
final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {
    }

    static List<TarEntry> readGzip(InputStream compressed) throws IOException {
        return read(new GZIPInputStream(compressed));
    }

    static List<TarEntry> read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        List<TarEntry> entries = new ArrayList<>();
        Map<String, String> pax = new HashMap<>();
        String longName = null;
        String longLink = null;
        byte[] header = new byte[BLOCK];
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                return entries; // some writers omit the two zero blocks at the end
            }
            if (isZero(header)) {
                return entries;
            }
            char type = (char) header[156];
            long size = octal(header, 124, 12);
            byte[] content = body(in, size);
            switch (type) {
                case 'x' -> pax.putAll(paxRecords(content));
                case 'g' -> { } // global PAX defaults: nothing the tests need
                case 'L' -> longName = cString(content, 0, content.length);
                case 'K' -> longLink = cString(content, 0, content.length);
                case '0', '\0', '5', '2' -> {
                    String name = pax.containsKey("path") ? pax.get("path")
                            : longName != null ? longName : ustarName(header);
                    String link = pax.containsKey("linkpath") ? pax.get("linkpath")
                            : longLink != null ? longLink : cString(header, 157, 100);
                    TarEntry.Type entryType = type == '5' ? TarEntry.Type.DIRECTORY
                            : type == '2' ? TarEntry.Type.SYMLINK : TarEntry.Type.FILE;
                    entries.add(new TarEntry(normalise(name), entryType, (int) octal(header, 100, 8), size,
                            entryType == TarEntry.Type.SYMLINK ? Optional.of(link) : Optional.empty(), content));
                    pax.clear();
                    longName = null;
                    longLink = null;
                }
                default -> throw new IOException("tar entry '" + ustarName(header) + "' has type '" + type
                        + "', which these tests do not expect in a package");
            }
        }
    }

    private static byte[] body(DataInputStream in, long size) throws IOException {
        if (size > Integer.MAX_VALUE - BLOCK) {
            throw new IOException("tar entry of " + size + " bytes is larger than these tests read");
        }
        byte[] content = new byte[(int) size];
        in.readFully(content);
        int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
        in.readFully(new byte[padding]);
        return content;
    }

    private static Map<String, String> paxRecords(byte[] content) {
        // Records are "<length> <key>=<value>\n", the length counting the whole record.
        Map<String, String> records = new HashMap<>();
        int position = 0;
        while (position < content.length) {
            int space = indexOf(content, (byte) ' ', position);
            int length = Integer.parseInt(new String(content, position, space - position, StandardCharsets.US_ASCII));
            String record = new String(content, space + 1, position + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            records.put(record.substring(0, equals), record.substring(equals + 1));
            position += length;
        }
        return records;
    }

    private static String ustarName(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String normalise(String name) {
        String path = name;
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.substring(path.startsWith("./") ? 2 : 1);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String text = cString(header, offset, length).strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("tar header field '" + text + "' is not octal", e);
        }
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("malformed PAX record");
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
