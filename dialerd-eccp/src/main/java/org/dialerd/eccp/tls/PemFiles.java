package org.dialerd.eccp.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and PKCS#8 keys with the JDK alone, so each bad file is reported with
 * its setting, its path and what is wrong (Netty's own reader says only "could not find ...").
 * Every failure is an {@link IllegalArgumentException} whose message starts with {@code key = 'path'}.
 */
public final class PemFiles {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order (at least one). */
    public static List<X509Certificate> certificates(String settingKey, Path file) {
        byte[] bytes = read(settingKey, file);
        try {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes)).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw invalid(settingKey, file, "no certificate in it (expected PEM, BEGIN CERTIFICATE)", null);
            }
            return certificates;
        } catch (CertificateException e) {
            throw invalid(settingKey, file, "not a PEM X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    /** The unencrypted PKCS#8 private key of a PEM file, for a certificate whose public key is {@code partner}. */
    public static PrivateKey privateKey(String settingKey, Path file, PublicKey partner) {
        String text = new String(read(settingKey, file), StandardCharsets.US_ASCII);
        Matcher matcher = PKCS8.matcher(text);
        if (!matcher.find()) {
            String hint = text.contains("ENCRYPTED PRIVATE KEY") ? "an encrypted key is not supported"
                    : text.contains("RSA PRIVATE KEY") || text.contains("EC PRIVATE KEY")
                    ? "a PKCS#1/SEC1 key: convert it with 'openssl pkcs8 -topk8 -nocrypt'" : "no key in it";
            throw invalid(settingKey, file, "expected an unencrypted PEM PKCS#8 key (BEGIN PRIVATE KEY); " + hint,
                    null);
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            PrivateKey key = KeyFactory.getInstance(partner.getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            requireMatch(settingKey, file, key, partner);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid(settingKey, file, "not a " + partner.getAlgorithm()
                    + " private key matching the certificate (" + e.getMessage() + ")", e);
        }
    }

    /** A key that does not belong to the certificate would only fail at the first handshake. */
    private static void requireMatch(String settingKey, Path file, PrivateKey key, PublicKey partner)
            throws GeneralSecurityException {
        String algorithm = switch (partner.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "Ed448", "EdDSA" -> partner.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return; // an unusual key type: the handshake will tell
        }
        byte[] probe = "dialerd key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(partner);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw invalid(settingKey, file, "the key does not belong to the certificate", null);
        }
    }

    private static byte[] read(String settingKey, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw invalid(settingKey, file, "cannot read it (" + e + ")", e);
        }
    }

    private static IllegalArgumentException invalid(String settingKey, Path file, String why, Exception cause) {
        return new IllegalArgumentException(settingKey + " = '" + file + "': " + why, cause);
    }
}
