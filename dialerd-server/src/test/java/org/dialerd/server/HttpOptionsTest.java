package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dialerd.http.HttpSettings;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the health and metrics listener runs: {@code [http]} and {@code --http-port}. */
class HttpOptionsTest {
    @TempDir
    Path dir;

    private DialerdConfig configured(String... args) throws Exception {
        Path file = dir.resolve("dialerd.conf");
        Files.writeString(file, String.join("\n", args) + "\n");
        return Main.parse(new String[] {"--config", file.toString()});
    }

    @Test
    void theDemoServesOnLoopbackPort8088() {
        HttpSettings http = Main.parse(new String[] {"--demo"}).http().orElseThrow();
        assertEquals("127.0.0.1", http.bindAddress());
        assertEquals(8088, http.port());
    }

    @Test
    void aConfigurationFileWithoutAnHttpSectionHasNoListener() throws Exception {
        assertTrue(configured("[eccp]", "port = 20006").http().isEmpty());
    }

    @Test
    void theHttpSectionTurnsItOnLoopbackUnlessBindAddressSaysOtherwise() throws Exception {
        HttpSettings http = configured("[http]", "port = 9100").http().orElseThrow();
        assertEquals(9100, http.port());
        assertEquals("127.0.0.1", http.bindAddress());
        assertEquals("0.0.0.0", configured("[http]", "port = 9100", "bind_address = 0.0.0.0").http().orElseThrow()
                .bindAddress());
    }

    @Test
    void theHttpPortOptionSetsThePortInEveryMode() throws Exception {
        assertEquals(0, Main.parse(new String[] {"--demo", "--http-port", "0"}).http().orElseThrow().port());
        Path file = dir.resolve("plain.conf");
        Files.writeString(file, "[eccp]\nport = 20006\n");
        assertEquals(9200, Main.parse(new String[] {"--config", file.toString(), "--http-port", "9200"}).http()
                .orElseThrow().port());
        Files.writeString(file, "[http]\nport = 9100\nbind_address = 10.0.0.2\n");
        HttpSettings http = Main.parse(new String[] {"--config", file.toString(), "--http-port", "9300"}).http()
                .orElseThrow();
        assertEquals(9300, http.port());
        assertEquals("10.0.0.2", http.bindAddress(), "the file's address stays");
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertEquals("http.port = 'web': not a whole number",
                assertThrows(ConfigException.class, () -> configured("[http]", "port = web")).getMessage());
        assertEquals("http.port = '80000': must be between 0 and 65535",
                assertThrows(ConfigException.class, () -> configured("[http]", "port = 80000")).getMessage());
        assertEquals("http.bind_address = '0.0.0.0': set http.port too to turn the HTTP listener on",
                assertThrows(ConfigException.class, () -> configured("[http]", "bind_address = 0.0.0.0"))
                        .getMessage());
        assertEquals("--http-port 'x': not a port number",
                assertThrows(ConfigException.class, () -> Main.parse(new String[] {"--http-port", "x"}))
                        .getMessage());
        assertEquals("--http-port '-1': must be between 0 and 65535",
                assertThrows(ConfigException.class, () -> Main.parse(new String[] {"--http-port", "-1"}))
                        .getMessage());
    }
}
