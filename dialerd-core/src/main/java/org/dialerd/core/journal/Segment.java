package org.dialerd.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One append-only segment file, {@code journal-<first seq, 20 digits>.log}. Reading stops at
 * the first frame that is cut short or fails its CRC (a crash in the middle of a write): the
 * file is truncated there, and what was dropped is logged.
 */
final class Segment {
    private static final Logger log = LoggerFactory.getLogger(Segment.class);
    private static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.log");

    final Path path;
    final long firstSeq;
    long lastSeq;
    long bytes;

    private Segment(Path path, long firstSeq, long lastSeq, long bytes) {
        this.path = path;
        this.firstSeq = firstSeq;
        this.lastSeq = lastSeq;
        this.bytes = bytes;
    }

    static String fileName(long firstSeq) {
        return String.format("journal-%020d.log", firstSeq);
    }

    /** The segment files of the directory, oldest first. */
    static List<Path> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    static Segment create(Path dir, long firstSeq) throws IOException {
        Path path = dir.resolve(fileName(firstSeq));
        Files.newByteChannel(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return new Segment(path, firstSeq, firstSeq - 1, 0);
    }

    /** Reads every whole frame into {@code into}, truncating a torn or corrupt tail. */
    static Segment recover(Path path, List<JournalEntry> into) throws IOException {
        Matcher name = NAME.matcher(path.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("not a journal segment: " + path);
        }
        long firstSeq = Long.parseLong(name.group(1));
        byte[] data = Files.readAllBytes(path);
        List<JournalEntry> entries = new ArrayList<>();
        int offset = 0;
        String problem = null;
        while (offset < data.length) {
            if (data.length - offset < RecordCodec.HEADER_BYTES) {
                problem = "a frame header cut short";
                break;
            }
            ByteBuffer header = ByteBuffer.wrap(data, offset, RecordCodec.HEADER_BYTES);
            int length = header.getInt();
            int crc = header.getInt();
            if (length < 1 || length > RecordCodec.MAX_BODY_BYTES) {
                problem = "a frame length of " + length;
                break;
            }
            if (data.length - offset - RecordCodec.HEADER_BYTES < length) {
                problem = "a frame body cut short";
                break;
            }
            int bodyStart = offset + RecordCodec.HEADER_BYTES;
            if (RecordCodec.crc(data, bodyStart, length) != crc) {
                problem = "a CRC mismatch";
                break;
            }
            byte[] body = java.util.Arrays.copyOfRange(data, bodyStart, bodyStart + length);
            entries.add(RecordCodec.decodeBody(body));
            offset = bodyStart + length;
        }
        if (problem != null) {
            log.warn("journal segment {}: {} at byte {} (a crash during a write); truncated there, {} bytes dropped,"
                    + " {} records kept", path.getFileName(), problem, offset, data.length - offset, entries.size());
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                channel.truncate(offset);
                channel.force(true);
            }
        }
        into.addAll(entries);
        long lastSeq = entries.isEmpty() ? firstSeq - 1 : entries.get(entries.size() - 1).seq();
        return new Segment(path, firstSeq, lastSeq, offset);
    }

    void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public String toString() {
        return path.getFileName() + "[" + firstSeq + ".." + lastSeq + ", " + bytes + " bytes]";
    }
}
