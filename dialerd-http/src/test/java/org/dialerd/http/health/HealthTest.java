package org.dialerd.http.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:50:00Z");

    @Test
    void upWhenAmiIsConnectedAndTheDatabaseAnswers() {
        Health health = new Health(new PbxConnectionWatch.State(true, T0),
                new CachedCheck.Result(true, T0.plusSeconds(67), T0.minusSeconds(2)), 0, Duration.ZERO);
        assertEquals(200, health.httpStatus());
        assertEquals("{\"status\":\"up\","
                + "\"ami\":{\"connected\":true,\"since\":\"2026-11-22T10:50:00Z\"},"
                + "\"database\":{\"up\":true,\"since\":\"2026-11-22T10:49:58Z\",\"checked_at\":\"2026-11-22T10:51:07Z\"},"
                + "\"write_queue\":{\"depth\":0,\"oldest_write_age_ms\":0}}", health.toJson());
    }

    @Test
    void downWhileTheDatabaseIsAwayWithTheWritesPilingUp() {
        Health health = new Health(new PbxConnectionWatch.State(true, T0),
                new CachedCheck.Result(false, T0.plusSeconds(30), T0.plusSeconds(5)), 17, Duration.ofMillis(25_300));
        assertEquals(503, health.httpStatus());
        assertEquals("{\"status\":\"down\","
                + "\"ami\":{\"connected\":true,\"since\":\"2026-11-22T10:50:00Z\"},"
                + "\"database\":{\"up\":false,\"since\":\"2026-11-22T10:50:05Z\",\"checked_at\":\"2026-11-22T10:50:30Z\"},"
                + "\"write_queue\":{\"depth\":17,\"oldest_write_age_ms\":25300}}", health.toJson());
    }

    @Test
    void downWithoutAmiAndTimesToTheMillisecond() {
        Health health = new Health(new PbxConnectionWatch.State(false, T0.plusNanos(123_456_789)),
                new CachedCheck.Result(true, T0, T0), 0, Duration.ZERO);
        assertEquals(503, health.httpStatus());
        assertTrue(health.toJson().startsWith("{\"status\":\"down\",\"ami\":{\"connected\":false,"
                + "\"since\":\"2026-11-22T10:50:00.123Z\"}"), health.toJson());
    }
}
