package org.dialerd.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import org.dialerd.eccp.client.ClientTls;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpClientException;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.it.ReplayServer;
import org.dialerd.it.eccp.RawConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ECCP over TLS end to end: the same requests and answers as plain TCP, behind a verified certificate. */
class TlsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Plain and TLS side by side. */
    private static ReplayServer server;

    @BeforeAll
    static void start() {
        server = ReplayServer.start(Clock.systemUTC(),
                EccpServerSettings.defaults().withPort(0).withTls(TestTls.anyPort()), "sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginAndRequestsWorkOverTlsBesideThePlainPort() {
        try (EccpClient tls = EccpClient.connect("127.0.0.1", server.dialerd().eccpTlsPort(), TIMEOUT,
                     ClientTls.trusting(TestTls.file("server.crt")));
             EccpClient plain = EccpClient.connect("127.0.0.1", server.port())) {
            tls.login("agentconsole", "agentconsole");
            plain.login("agentconsole", "agentconsole");
            assertTrue(tls.getPauses().isSuccess());
            assertEquals(plain.getPauses().body().toString(), tls.getPauses().body().toString());
            assertTrue(tls.logout().isSuccess());
        }
    }

    @Test
    void theCertificateNameIsCheckedForHostNamesToo() {
        try (EccpClient tls = EccpClient.connect("localhost", server.dialerd().eccpTlsPort(), TIMEOUT,
                     ClientTls.trusting(TestTls.file("server.crt")))) {
            tls.login("agentconsole", "agentconsole");
            assertTrue(tls.getRequestList().isSuccess());
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateRefusesTheServer() {
        EccpClientException e = assertThrows(EccpClientException.class, () -> EccpClient.connect("127.0.0.1",
                server.dialerd().eccpTlsPort(), TIMEOUT, ClientTls.trusting(TestTls.file("other.crt"))));
        assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1:"), e.getMessage());
        // The server keeps serving clients that do trust it.
        try (EccpClient good = EccpClient.connect("127.0.0.1", server.dialerd().eccpTlsPort(), TIMEOUT,
                ClientTls.trusting(TestTls.file("server.crt")))) {
            good.login("agentconsole", "agentconsole");
        }
    }

    @Test
    void plainTextOnTheTlsPortGetsNoEccpAnswerAndIsClosed() throws IOException {
        try (RawConnection raw = new RawConnection(server.dialerd().eccpTlsPort())) {
            raw.send("<request id=\"1\"><login><username>agentconsole</username><password>agentconsole</password>"
                    + "</login></request>\n");
            assertTrue(raw.awaitClosed(TIMEOUT));
            assertTrue(!raw.received().contains("<response"), raw.received());
        }
    }

    @Test
    void withThePlainPortOffOnlyTlsAccepts() throws IOException {
        int plainPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            plainPort = probe.getLocalPort(); // a port known to be free, given to dialerd as its plain port
        }
        EccpServerSettings settings = EccpServerSettings.defaults().withPort(plainPort).withTls(TestTls.anyPort())
                .withoutPlainPort();
        try (ReplayServer tlsOnly = ReplayServer.start(Clock.systemUTC(), settings, "sql/demo-data.sql")) {
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", plainPort).close());
            assertThrows(IllegalStateException.class, tlsOnly::port);
            try (EccpClient tls = EccpClient.connect("127.0.0.1", tlsOnly.dialerd().eccpTlsPort(), TIMEOUT,
                    ClientTls.trusting(TestTls.file("server.crt")))) {
                tls.login("agentconsole", "agentconsole");
                assertTrue(tls.getPauses().isSuccess());
            }
        }
    }
}
