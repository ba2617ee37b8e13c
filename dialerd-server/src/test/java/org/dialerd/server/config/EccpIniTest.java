package org.dialerd.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.eccp.server.EccpTlsSettings;
import org.dialerd.eccp.server.LoginThrottleSettings;
import org.junit.jupiter.api.Test;

class EccpIniTest {
    /** The test certificate of dialerd-eccp (self-signed, see its README). */
    private static final Path TLS = Path.of(System.getProperty("user.dir")).resolve("..")
            .resolve("dialerd-eccp/src/test/resources/tls").normalize();

    private static DialerdConfig parse(String... lines) {
        List<String> all = new ArrayList<>(List.of(lines));
        return DialerdConfig.fromIni(IniFile.parse(all, "test.conf"), false, Path.of("data"));
    }

    private static String failure(String... lines) {
        return assertThrows(ConfigException.class, () -> parse(lines)).getMessage();
    }

    @Test
    void withoutTlsKeysOnlyThePlainPortListens() {
        EccpServerSettings eccp = parse("[eccp]", "port = 20005").eccp();
        assertTrue(eccp.plainEnabled());
        assertTrue(eccp.tls().isEmpty());
        assertEquals(LoginThrottleSettings.DEFAULTS, eccp.loginThrottle());
        assertEquals(EccpServerSettings.DEFAULT_MAX_CONNECTIONS, eccp.maxConnections());
    }

    @Test
    void readsTheTlsListenerWithTheBindAddressOfThePlainOneByDefault() {
        EccpServerSettings eccp = parse("[eccp]", "bind_address = 0.0.0.0", "tls_port = 20006",
                "tls_certificate = " + TLS.resolve("server.crt"), "tls_key = " + TLS.resolve("server.key")).eccp();
        assertEquals(new EccpTlsSettings("0.0.0.0", 20006, TLS.resolve("server.crt"), TLS.resolve("server.key")),
                eccp.tls().orElseThrow());
        assertTrue(eccp.plainEnabled());
    }

    @Test
    void theDaemonWarmsUpByDefaultAndTheKeyTurnsItOff() {
        assertEquals(EccpServerSettings.DEFAULT_WARMUP_REQUESTS, parse("[eccp]", "port = 20005").eccp().warmupRequests());
        assertEquals(0, parse("[eccp]", "warmup_requests = 0").eccp().warmupRequests());
        assertTrue(failure("[eccp]", "warmup_requests = -1").contains("eccp.warmup_requests"),
                failure("[eccp]", "warmup_requests = -1"));
    }

    @Test
    void plainPortOffLeavesOnlyTls() {
        EccpServerSettings eccp = parse("[eccp]", "port = off", "tls_port = 20006", "tls_bind_address = 10.0.0.1",
                "tls_certificate = " + TLS.resolve("server.crt"), "tls_key = " + TLS.resolve("server.key")).eccp();
        assertFalse(eccp.plainEnabled());
        assertEquals("10.0.0.1", eccp.tls().orElseThrow().bindAddress());
    }

    @Test
    void plainPortOffWithoutTlsFailsWithTheKey() {
        assertEquals("eccp.port = off needs eccp.tls_port: ECCP would listen nowhere", failure("[eccp]", "port = off"));
    }

    @Test
    void aMissingCertificateFileFailsTheStartWithTheKeyAndThePath() {
        String message = failure("[eccp]", "tls_port = 20006", "tls_certificate = /nonexistent/eccp.crt",
                "tls_key = " + TLS.resolve("server.key"));
        assertTrue(message.startsWith("eccp.tls_certificate = '/nonexistent/eccp.crt': cannot read it"), message);
    }

    @Test
    void aCertificateGivenAsTheKeyFailsWithTheKeysName() {
        String message = failure("[eccp]", "tls_port = 20006", "tls_certificate = " + TLS.resolve("server.crt"),
                "tls_key = " + TLS.resolve("server.crt"));
        assertTrue(message.startsWith("eccp.tls_key = '" + TLS.resolve("server.crt") + "': expected an unencrypted "
                + "PEM PKCS#8 key"), message);
    }

    @Test
    void tlsPortWithoutCertificateFails() {
        assertEquals("eccp.tls_port = 20006 needs eccp.tls_certificate (PEM certificate file)",
                failure("[eccp]", "tls_port = 20006", "tls_key = /x.key"));
    }

    @Test
    void certificateWithoutTlsPortFails() {
        assertEquals("eccp.tls_certificate is set but eccp.tls_port is not: set the port to enable ECCP over TLS",
                failure("[eccp]", "tls_certificate = /x.crt"));
    }

    @Test
    void badTlsPortNamesTheKeyAndValue() {
        assertEquals("eccp.tls_port = 'secure': not a whole number", failure("[eccp]", "tls_port = secure"));
    }

    @Test
    void readsTheLoginThrottleAndTheConnectionLimit() {
        EccpServerSettings eccp = parse("[eccp]", "login_max_failures = 3", "login_failure_window = 60",
                "login_lockout = 10", "login_lockout_max = 600", "max_connections = 100").eccp();
        assertEquals(new LoginThrottleSettings(3, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(600), LoginThrottleSettings.DEFAULT_MAX_TRACKED_ADDRESSES), eccp.loginThrottle());
        assertEquals(100, eccp.maxConnections());
    }

    @Test
    void zeroFailuresTurnsThrottlingOff() {
        assertFalse(parse("[eccp]", "login_max_failures = 0").eccp().loginThrottle().enabled());
    }

    @Test
    void badThrottleValueNamesTheKey() {
        assertEquals("eccp.login_lockout = '-5': must be between 1 and 2147483647",
                failure("[eccp]", "login_lockout = -5"));
    }

    @Test
    void configurationsPrintWithoutTheirSecrets() {
        DialerdConfig config = parse("[database]", "dbhost = db", "dbpass = Db-Pass-4711", "[asterisk]",
                "host = pbx", "user = dialer", "secret = Ami-Secret-4711");
        String printed = config.toString();
        assertFalse(printed.contains("Db-Pass-4711"), printed);
        assertFalse(printed.contains("Ami-Secret-4711"), printed);
        assertTrue(printed.contains("password=***") && printed.contains("secret=***"), printed);
    }
}
