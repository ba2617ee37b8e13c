package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dialerd.server.config.ConfigException;
import org.junit.jupiter.api.Test;

class DatabaseStartupTest {

    @Test
    void refusesTheEmbeddedDatabaseWhereMariaDb4jIsNotInstalled() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> DatabaseStartup.requireEmbeddedDatabase(() -> false));
        assertEquals("this package has no embedded MariaDB; use dialerd.jar for the demo, or set [database] dbhost",
                e.getMessage());
    }

    @Test
    void acceptsTheEmbeddedDatabaseWhereMariaDb4jIsInstalled() {
        assertDoesNotThrow(() -> DatabaseStartup.requireEmbeddedDatabase(() -> true));
    }
}
