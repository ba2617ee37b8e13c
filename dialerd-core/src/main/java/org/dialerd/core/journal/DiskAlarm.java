package org.dialerd.core.journal;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's disk bound: raised (ERROR, once) when the journal holds more than
 * {@code journal.max_bytes}, cleared (INFO) once it is back under 90 % of it. Records are never
 * dropped at the bound; the alarm is for the administrator and the health report.
 */
final class DiskAlarm {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final double CLEAR_RATIO = 0.9;

    private final Path dir;
    private final long maxBytes;
    private boolean raised;

    DiskAlarm(Path dir, long maxBytes) {
        this.dir = dir.toAbsolutePath();
        this.maxBytes = maxBytes;
    }

    synchronized void check(long bytes) {
        if (!raised && bytes > maxBytes) {
            raised = true;
            log.error("ALARM journal {} holds {} bytes, over journal.max_bytes = {}: the database is not taking the"
                    + " writes; every record is kept (nothing is dropped) until the disk is full", dir, bytes, maxBytes);
        } else if (raised && bytes <= maxBytes * CLEAR_RATIO) {
            raised = false;
            log.info("journal {} back under its bound: {} bytes", dir, bytes);
        }
    }

    synchronized boolean raised() {
        return raised;
    }
}
