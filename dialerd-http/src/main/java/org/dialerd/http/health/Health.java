package org.dialerd.http.health;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.dialerd.http.Json;

/**
 * One reading of what dialerd needs to work: AMI connected and the database reachable (then
 * it is healthy), plus the write queue, which grows while the database is away.
 *
 * <pre>{@code
 * {"status":"up",
 *  "ami":{"connected":true,"since":"2026-11-22T10:50:00Z"},
 *  "database":{"up":true,"since":"2026-11-22T10:49:58Z","checked_at":"2026-11-22T10:51:07Z"},
 *  "write_queue":{"depth":0,"oldest_write_age_ms":0}}
 * }</pre>
 */
public record Health(PbxConnectionWatch.State ami, CachedCheck.Result database, int writeQueueDepth,
                     Duration oldestWrite) {

    public boolean healthy() {
        return ami.connected() && database.up();
    }

    /** 200 when healthy, else 503 (what load balancers and monitors go by). */
    public int httpStatus() {
        return healthy() ? 200 : 503;
    }

    public String toJson() {
        return Json.object()
                .put("status", healthy() ? "up" : "down")
                .put("ami", Json.object()
                        .put("connected", ami.connected())
                        .put("since", iso(ami.since())))
                .put("database", Json.object()
                        .put("up", database.up())
                        .put("since", iso(database.since()))
                        .put("checked_at", iso(database.checkedAt())))
                .put("write_queue", Json.object()
                        .put("depth", writeQueueDepth)
                        .put("oldest_write_age_ms", oldestWrite.toMillis()))
                .toString();
    }

    /** ISO-8601 in UTC, to the millisecond. */
    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
