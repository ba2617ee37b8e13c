package org.dialerd.it.security;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.dialerd.eccp.server.EccpTlsSettings;

/** The committed test-only certificates (src-it/src/test/resources/tls, see its README). */
final class TestTls {
    private TestTls() {
    }

    static Path file(String name) {
        var url = TestTls.class.getResource("/tls/" + name);
        if (url == null) {
            throw new AssertionError("test resource tls/" + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** TLS on any free port with the test server's certificate and key. */
    static EccpTlsSettings anyPort() {
        return new EccpTlsSettings("127.0.0.1", 0, file("server.crt"), file("server.key"));
    }
}
