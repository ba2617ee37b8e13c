package org.dialerd.eccp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.dialerd.eccp.server.EccpTlsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
    @TempDir
    Path temp;

    static Path resource(String name) {
        try {
            return Path.of(ServerTlsTest.class.getResource("/tls/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource tls/" + name + " is missing", e);
        }
    }

    private static EccpTlsSettings settings(Path certificate, Path key) {
        return new EccpTlsSettings("127.0.0.1", 0, certificate, key);
    }

    private String failure(Path certificate, Path key) {
        return assertThrows(IllegalArgumentException.class, () -> ServerTls.context(settings(certificate, key)))
                .getMessage();
    }

    @Test
    void buildsAServerContextFromAPemCertificateAndPkcs8Key() {
        SslContext context = ServerTls.context(settings(resource("server.crt"), resource("server.key")));
        assertTrue(context.isServer());
    }

    @Test
    void missingCertificateNamesTheSettingAndThePath() {
        Path missing = temp.resolve("nope.crt");
        String message = failure(missing, resource("server.key"));
        assertTrue(message.startsWith("eccp.tls_certificate = '" + missing + "': cannot read it"), message);
    }

    @Test
    void aFileWithoutACertificateIsRefused() throws IOException {
        Path junk = Files.writeString(temp.resolve("junk.crt"), "hello");
        assertTrue(failure(junk, resource("server.key")).startsWith("eccp.tls_certificate = '" + junk + "': "));
    }

    @Test
    void aTraditionalKeyGetsTheConversionHint() throws IOException {
        Path rsa = Files.writeString(temp.resolve("rsa.key"),
                "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertEquals("eccp.tls_key = '" + rsa + "': expected an unencrypted PEM PKCS#8 key (BEGIN PRIVATE KEY); "
                + "a PKCS#1/SEC1 key: convert it with 'openssl pkcs8 -topk8 -nocrypt'",
                failure(resource("server.crt"), rsa));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedAtStartNotAtTheFirstHandshake() throws IOException,
            NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path other = Files.writeString(temp.resolve("other.key"), pem);
        String message = failure(resource("server.crt"), other);
        assertTrue(message.contains("the key does not belong to the certificate"), message);
    }
}
