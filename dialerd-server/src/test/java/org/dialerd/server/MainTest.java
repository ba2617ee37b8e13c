package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void demoWithPortAndDataDir() {
        DialerdConfig config = Main.parse(new String[] {"--demo", "--eccp-port", "20123", "--data-dir", "/var/d"});
        assertTrue(config.demo());
        assertEquals(20123, config.eccp().port());
        assertEquals(Path.of("/var/d"), config.dataDir());
        assertTrue(config.database().isEmpty());
    }

    @Test
    void defaultsToPort20005OnLoopback() {
        DialerdConfig config = Main.parse(new String[] {"--demo"});
        assertEquals(20005, config.eccp().port());
        assertEquals("127.0.0.1", config.eccp().bindAddress());
    }

    @Test
    void refusesUnknownArgumentsAndBadPorts() {
        assertEquals("unknown argument '--bogus'",
                assertThrows(ConfigException.class, () -> Main.parse(new String[] {"--bogus"})).getMessage());
        assertEquals("--eccp-port 'x': not a port number",
                assertThrows(ConfigException.class, () -> Main.parse(new String[] {"--eccp-port", "x"})).getMessage());
        assertEquals("--eccp-port needs a value",
                assertThrows(ConfigException.class, () -> Main.parse(new String[] {"--eccp-port"})).getMessage());
    }

    @Test
    void missingConfigFileIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Main.parse(new String[] {"--config", "/nonexistent/dialerd.conf"}));
        assertTrue(e.getMessage().startsWith("cannot read configuration file /nonexistent/dialerd.conf"));
    }

    @Test
    void helpPrintsUsage() {
        assertNull(Main.parse(new String[] {"--help"}));
    }

    @Test
    void versionAndCheckConfigRefuseExtraArguments() {
        assertEquals(2, Main.command(new String[] {"--version", "x"}));
        assertEquals(2, Main.command(new String[] {"--check-config", "a.conf", "b.conf"}));
    }

    @Test
    void versionExitsZero() {
        assertEquals(0, Main.command(new String[] {"--version"}));
    }

    @Test
    void checkConfigOfAMissingFileFails() {
        assertEquals(1, Main.command(new String[] {"--check-config", "/nonexistent/dialerd.conf"}));
    }
}
