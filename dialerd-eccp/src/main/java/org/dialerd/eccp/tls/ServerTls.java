package org.dialerd.eccp.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import org.dialerd.eccp.server.EccpTlsSettings;

/** The ECCP listener's TLS context: JDK provider, TLS 1.2 and 1.3 only, no client certificates. */
public final class ServerTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private ServerTls() {
    }

    /** Reads and checks the certificate and key; fails with the setting, the path and the reason. */
    public static SslContext context(EccpTlsSettings settings) {
        return context("eccp.tls_certificate", settings.certificate(), "eccp.tls_key", settings.key());
    }

    /** As above for another listener's settings (the HTTP listener's {@code http.tls_certificate}). */
    public static SslContext context(String certificateKey, java.nio.file.Path certificate, String keyKey,
                                     java.nio.file.Path keyFile) {
        List<X509Certificate> chain = PemFiles.certificates(certificateKey, certificate);
        PrivateKey key = PemFiles.privateKey(keyKey, keyFile, chain.get(0).getPublicKey());
        try {
            return SslContextBuilder.forServer(key, chain)
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .build();
        } catch (SSLException e) {
            throw new IllegalArgumentException(certificateKey + " = '" + certificate
                    + "': unusable with " + keyKey + " (" + e.getMessage() + ")", e);
        }
    }
}
