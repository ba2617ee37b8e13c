package org.dialerd.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal directory's segment files, oldest first; the last one is written to. Frames are
 * appended and forced in one call per group commit; past {@code segmentBytes} a new segment
 * starts. Segments whose records are all applied are deleted, except the one written to, so
 * the highest sequence number is always on disk. Thread-safe (the flusher writes, the applier
 * deletes).
 */
final class SegmentFiles implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SegmentFiles.class);

    private final Path dir;
    private final long segmentBytes;
    private final List<Segment> segments;
    private FileChannel active;

    private SegmentFiles(Path dir, long segmentBytes, List<Segment> segments) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
    }

    /** Reads every segment back into {@code recovered} and opens the one to write to. */
    static SegmentFiles open(Path dir, long segmentBytes, List<JournalEntry> recovered) throws IOException {
        List<Segment> segments = new ArrayList<>();
        for (Path path : Segment.list(dir)) {
            segments.add(Segment.recover(path, recovered));
        }
        SegmentFiles files = new SegmentFiles(dir, segmentBytes, segments);
        long next = files.nextSeq();
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && last.bytes == 0 && last.firstSeq == next) {
            segments.remove(segments.size() - 1); // the previous run's empty segment: write to it
            files.openActive(last);
        } else {
            files.openActive(Segment.create(dir, next));
        }
        return files;
    }

    /** The seq the next record gets: after every record on disk and every segment's name. */
    synchronized long nextSeq() {
        long next = 1;
        for (Segment segment : segments) {
            next = Math.max(next, Math.max(segment.firstSeq, segment.lastSeq + 1));
        }
        return next;
    }

    /**
     * Appends and forces the frames (records up to {@code lastSeq}); on failure nothing counts as
     * written. {@code whenWritten} runs before any other thread sees the new size, so a caller
     * counting bytes not yet written never counts these twice.
     */
    synchronized void write(List<byte[]> frames, long lastSeq, Runnable whenWritten) throws IOException {
        Segment segment = segments.get(segments.size() - 1);
        ByteBuffer[] buffers = new ByteBuffer[frames.size()];
        long total = 0;
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = ByteBuffer.wrap(frames.get(i));
            total += buffers[i].remaining();
        }
        try {
            long written = 0;
            while (written < total) {
                written += active.write(buffers);
            }
            active.force(false);
        } catch (IOException | RuntimeException e) {
            try {
                active.truncate(segment.bytes); // a later attempt writes the same frames again
                active.position(segment.bytes);
            } catch (IOException ignored) {
                // The next attempt truncates again; the segment's recorded size stays right.
            }
            throw e;
        }
        segment.bytes += total;
        segment.lastSeq = lastSeq;
        whenWritten.run();
        if (segment.bytes >= segmentBytes) {
            try {
                active.close();
                openActive(Segment.create(dir, lastSeq + 1));
            } catch (IOException e) {
                log.error("journal {}: cannot start a new segment ({}); the current one keeps growing", dir,
                        e.toString());
                active = java.nio.channels.FileChannel.open(segment.path, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
        }
    }

    private void openActive(Segment segment) throws IOException {
        active = FileChannel.open(segment.path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segments.add(segment);
    }

    /** Deletes the segments (not the one written to) whose records are all applied. */
    synchronized void deleteAppliedUpTo(long appliedSeq) {
        while (segments.size() > 1 && segments.get(0).lastSeq <= appliedSeq) {
            Segment old = segments.remove(0);
            try {
                old.delete();
            } catch (IOException e) {
                log.warn("journal: cannot delete applied segment {}: {}", old, e.toString());
            }
        }
    }

    /** The segments' size plus {@code notYetWritten}, read together with every write. */
    synchronized long bytesWith(java.util.function.LongSupplier notYetWritten) {
        return segments.stream().mapToLong(s -> s.bytes).sum() + notYetWritten.getAsLong();
    }

    @Override
    public synchronized void close() throws IOException {
        if (active != null) {
            active.close();
            active = null;
        }
    }
}
