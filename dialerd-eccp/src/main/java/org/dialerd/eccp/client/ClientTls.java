package org.dialerd.eccp.client;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.dialerd.eccp.tls.PemFiles;

/**
 * How an {@link EccpClient} checks the server over TLS: which certificates it trusts. The server's
 * name is always verified against its certificate (the host given to connect must be one of the
 * certificate's subject alternative names), so a certificate for another host is refused.
 *
 * <pre>{@code
 * EccpClient.connect("pbx.example.com", 20006, Duration.ofSeconds(10),
 *         ClientTls.trusting(Path.of("/etc/dialerd/eccp.crt")));
 * }</pre>
 */
public final class ClientTls {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SslContext context;

    private ClientTls(SslContext context) {
        this.context = context;
    }

    /** Trusts the certificates of a PEM file (the server's own self-signed certificate, or a CA). */
    public static ClientTls trusting(Path pemCertificates) {
        List<X509Certificate> certificates = PemFiles.certificates("trusted certificate", pemCertificates);
        return build(SslContextBuilder.forClient().trustManager(certificates));
    }

    /** Trusts the certificates of a key store (PKCS#12 or JKS, detected from the file). */
    public static ClientTls trustStore(Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return build(SslContextBuilder.forClient().trustManager(factory));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trust store '" + file + "': cannot read it (" + e.getMessage() + ")",
                    e);
        }
    }

    /** Trusts the JDK's default certificate authorities. */
    public static ClientTls systemTrust() {
        return build(SslContextBuilder.forClient());
    }

    private static ClientTls build(SslContextBuilder builder) {
        try {
            return new ClientTls(builder.sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                    .endpointIdentificationAlgorithm("HTTPS").build());
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    SslHandler newHandler(ByteBufAllocator allocator, String host, int port) {
        return context.newHandler(allocator, host, port);
    }
}
