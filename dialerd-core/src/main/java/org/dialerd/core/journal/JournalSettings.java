package org.dialerd.core.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.dialerd.core.store.TakeoverScope;

/**
 * Where the journal lives and how it commits. Validated on construction, naming the
 * configuration key and the value.
 *
 * @param dir           segment files, the dead-letter file and the journal id ({@code [journal] dir})
 * @param maxBytes      disk bound: past it an ERROR alarm is raised and reported; records are still
 *                      kept ({@code [journal] max_bytes})
 * @param fsyncInterval group commit: appended records are forced to disk at least this often
 *                      ({@code [journal] fsync_interval_ms})
 * @param fsyncBatch    ... or as soon as this many are waiting
 * @param segmentBytes  a segment is closed and a new one started past this size
 * @param unowned       whether the start-up takeover also takes rows whose id is in no id block
 *                      reserved by a journal ({@code [journal] take_over_unowned})
 */
public record JournalSettings(Path dir, long maxBytes, Duration fsyncInterval, int fsyncBatch, long segmentBytes,
                              TakeoverScope.Unowned unowned) {
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofMillis(5);
    public static final int DEFAULT_FSYNC_BATCH = 256;
    public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;

    public JournalSettings {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(fsyncInterval, "fsyncInterval");
        Objects.requireNonNull(unowned, "unowned");
        if (maxBytes < 1 << 20) {
            throw new IllegalArgumentException("journal.max_bytes = " + maxBytes + ": must be at least 1048576");
        }
        if (fsyncInterval.toMillis() < 1 || fsyncInterval.toMillis() > 1000) {
            throw new IllegalArgumentException("journal.fsync_interval_ms = " + fsyncInterval.toMillis()
                    + ": must be between 1 and 1000");
        }
        if (fsyncBatch < 1) {
            throw new IllegalArgumentException("journal fsync batch must be at least 1, was " + fsyncBatch);
        }
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("journal segment size must be at least 4096, was " + segmentBytes);
        }
    }

    public static JournalSettings in(Path dir) {
        return new JournalSettings(dir, DEFAULT_MAX_BYTES, DEFAULT_FSYNC_INTERVAL, DEFAULT_FSYNC_BATCH,
                DEFAULT_SEGMENT_BYTES, TakeoverScope.Unowned.AUTO);
    }

    public JournalSettings withMaxBytes(long bytes) {
        return new JournalSettings(dir, bytes, fsyncInterval, fsyncBatch, segmentBytes, unowned);
    }

    public JournalSettings withSegmentBytes(long bytes) {
        return new JournalSettings(dir, maxBytes, fsyncInterval, fsyncBatch, bytes, unowned);
    }

    public JournalSettings withFsyncInterval(Duration interval) {
        return new JournalSettings(dir, maxBytes, interval, fsyncBatch, segmentBytes, unowned);
    }

    public JournalSettings withUnowned(TakeoverScope.Unowned policy) {
        return new JournalSettings(dir, maxBytes, fsyncInterval, fsyncBatch, segmentBytes, policy);
    }
}
