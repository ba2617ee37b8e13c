package org.dialerd.eccp.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The ECCP-over-TLS listener: where it listens and the server's certificate and key. Only the
 * shape is checked here; {@link org.dialerd.eccp.tls.ServerTls} reads and checks the files.
 *
 * @param certificate PEM file: the server certificate, then any intermediate certificates
 * @param key         PEM file: the certificate's private key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY})
 */
public record EccpTlsSettings(String bindAddress, int port, Path certificate, Path key) {
    public static final int DEFAULT_PORT = 20006;

    public EccpTlsSettings {
        Objects.requireNonNull(bindAddress, "eccp.tls_bind_address");
        Objects.requireNonNull(certificate, "eccp.tls_certificate");
        Objects.requireNonNull(key, "eccp.tls_key");
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("eccp.tls_bind_address must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("eccp.tls_port must be between 0 and 65535, got " + port);
        }
    }

    public EccpTlsSettings withPort(int newPort) {
        return new EccpTlsSettings(bindAddress, newPort, certificate, key);
    }
}
