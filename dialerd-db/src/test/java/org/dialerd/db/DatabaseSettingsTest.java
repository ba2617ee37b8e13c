package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void defaultsToCallCenterWithANamedPoolSizeAndTimeout() {
        DatabaseSettings settings = DatabaseSettings.of("db.local", 3307, "asterisk", "secret");
        assertEquals("call_center", settings.database());
        assertEquals(DatabaseSettings.DEFAULT_POOL_SIZE, settings.poolSize());
        assertEquals(DatabaseSettings.DEFAULT_CONNECT_TIMEOUT, settings.connectTimeout());
        assertEquals("jdbc:mariadb://db.local:3307/call_center", settings.jdbcUrl());
    }

    @Test
    void neverPrintsThePassword() {
        DatabaseSettings settings = DatabaseSettings.of("h", 3306, "u", "s3cr3t");
        assertFalse(settings.toString().contains("s3cr3t"), settings.toString());
    }

    @Test
    void refusesBadValuesNamingTheSettingAndTheValue() {
        assertEquals("database port must be 1..65535, was 0", assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.of("h", 0, "u", "")).getMessage());
        assertEquals("database name must be 1..64 of [A-Za-z0-9_$], was 'call-center'",
                assertThrows(IllegalArgumentException.class,
                        () -> DatabaseSettings.of("h", 3306, "u", "").withDatabase("call-center")).getMessage());
        assertEquals("database pool size must be at least 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.of("h", 3306, "u", "").withPoolSize(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSettings(" ", 3306, "call_center", "u", "",
                1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSettings("h", 3306, "call_center", "u", "",
                1, Duration.ofMillis(10)));
    }
}
