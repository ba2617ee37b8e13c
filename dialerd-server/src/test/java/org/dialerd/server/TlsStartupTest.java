package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dialerd.server.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLS listener that cannot be set up stops dialerd before anything is opened (exit status 2). */
class TlsStartupTest {
    @TempDir
    Path temp;

    @Test
    void aMissingCertificateFailsTheCommandLineWithTheKeyAndThePath() throws IOException {
        Path missing = temp.resolve("missing.crt");
        Path config = Files.writeString(temp.resolve("dialerd.conf"), "[eccp]\ntls_port = 20006\n"
                + "tls_certificate = " + missing + "\ntls_key = " + temp.resolve("missing.key") + "\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Main.parse(new String[] {"--config", config.toString()}));
        assertTrue(e.getMessage().startsWith("eccp.tls_certificate = '" + missing + "': cannot read it"),
                e.getMessage());
    }
}
