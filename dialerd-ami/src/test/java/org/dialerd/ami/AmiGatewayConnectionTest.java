package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxEvent.Connected;
import org.dialerd.core.pbx.PbxEvent.Disconnected;
import org.dialerd.core.pbx.PbxException;
import org.dialerd.core.pbx.PbxReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Getting connected, staying connected, and letting go. */
class AmiGatewayConnectionTest {

    private static final Duration WAIT = EventRecorder.WAIT;

    private FakeAmiServer server;
    private AmiGateway gateway;
    private final EventRecorder events = new EventRecorder();

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeAmiServer("dialerd", "dialerd");
    }

    @AfterEach
    void close() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        server.close();
    }

    @Test
    void startReturnsAtOnceAndRetriesAFailedLoginUntilItWorks() throws Exception {
        server.rejectLogins(true);
        gateway = gateway(TestSettings.forPort(server.port()));

        gateway.start();

        assertFalse(gateway.isConnected());
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertTrue(server.awaitLoginAttempt(WAIT), "login attempt " + attempt);
        }
        assertTrue(gateway.send(new PbxAction.Agents()).isCompletedExceptionally(), "no connection yet");

        server.rejectLogins(false);

        events.await(Connected.class);
        assertTrue(gateway.isConnected());
        assertEquals(List.of(new Connected("Asterisk 22")), events.all());
    }

    @Test
    void reconnectsAfterTheServerDropsTheConnectionAndFailsWhatWasPending() throws Exception {
        gateway = connected(TestSettings.forPort(server.port()).withActionTimeout(Duration.ofSeconds(30)));
        server.ignore("Command");
        CompletableFuture<PbxReply> pending = gateway.send(new PbxAction.Command("core show uptime"));
        assertNotNull(server.awaitAction("Command", WAIT));

        server.dropConnection();

        events.await(Disconnected.class);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> pending.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(PbxException.class, failure.getCause());
        assertEquals("AMI connection lost before the answer to Command", failure.getCause().getMessage());
        events.await(Connected.class);
        assertTrue(gateway.isConnected());
        assertTrue(gateway.send(new PbxAction.GetVar("", "GLOBAL_TEST")).get(WAIT.toSeconds(), TimeUnit.SECONDS)
                .success());
        assertEquals(List.of(new Connected("Asterisk 22"), new Disconnected("AMI connection lost"),
                new Connected("Asterisk 22")), events.all());
    }

    @Test
    void detectsAHalfOpenConnectionAndReconnects() throws Exception {
        AmiSettings settings = TestSettings.forPort(server.port()).withActionTimeout(Duration.ofMillis(300))
                .withPingInterval(Duration.ofMillis(100));
        gateway = connected(settings);
        assertNotNull(server.awaitAction("Ping", WAIT), "pings keep a healthy connection talking");

        server.goSilent();

        events.await(Disconnected.class);
        events.await(Connected.class);
        assertTrue(gateway.isConnected());
    }

    @Test
    void renewsTheSessionOnceItHasLastedDuracionSesion() throws Exception {
        gateway = connected(TestSettings.forPort(server.port()).withPingInterval(Duration.ofMillis(100)));
        assertTrue(server.awaitLogin(WAIT), "first login");

        gateway.renewSessionsEvery(Duration.ofMillis(300));

        assertNotNull(server.awaitAction("Logoff", WAIT), "the old session logged off");
        assertTrue(server.awaitLogin(WAIT), "a fresh login");
        events.await(Disconnected.class);
        events.await(Connected.class);
        // The old session's Disconnect may still arrive after the new login; the gateway is up again after it.
        Until.until("connected again", WAIT, gateway::isConnected);
        assertEquals(List.of(new Connected("Asterisk 22"), new Disconnected("AMI session renewed"),
                new Connected("Asterisk 22")), events.all().subList(0, 3));
    }

    @Test
    void probeLogsInAndOffOrSaysWhyNot() throws Exception {
        AmiProbe.Result ok = AmiProbe.loginAndLogoff(TestSettings.forPort(server.port()));
        assertTrue(ok.ok(), ok.detail());
        assertNotNull(server.awaitAction("Logoff", WAIT));
        AmiProbe.Result wrong = AmiProbe.loginAndLogoff(AmiSettings.of("127.0.0.1", "dialerd", "wrong")
                .withPort(server.port()).withActionTimeout(Duration.ofSeconds(2)));
        assertFalse(wrong.ok());
        assertEquals("authentication failed for user 'dialerd'", wrong.detail());
    }

    @Test
    void closeLogsOffAndSaysDisconnectedLast() throws Exception {
        gateway = connected(TestSettings.forPort(server.port()));

        gateway.close();

        assertNotNull(server.awaitAction("Logoff", WAIT), "Logoff sent");
        assertFalse(gateway.isConnected());
        assertEquals(List.of(new Connected("Asterisk 22"), new Disconnected("AMI gateway closed")), events.all());
        CompletableFuture<PbxReply> after = gateway.send(new PbxAction.Agents());
        assertTrue(after.isCompletedExceptionally());
    }

    @Test
    void closeWhileStillTryingToLogInStopsTrying() throws Exception {
        server.rejectLogins(true);
        gateway = gateway(TestSettings.forPort(server.port()));
        gateway.start();
        assertTrue(server.awaitLoginAttempt(WAIT));

        gateway.close();

        int attempts = server.loginAttempts();
        server.rejectLogins(false);
        assertFalse(server.awaitLogin(Duration.ofMillis(500)), "no login after close");
        assertEquals(attempts, server.loginAttempts());
        assertEquals(List.of(), events.all());
    }

    @Test
    void listenerThatThrowsDoesNotStopTheOthers() throws Exception {
        gateway = gateway(TestSettings.forPort(server.port()));
        EventRecorder first = new EventRecorder();
        gateway.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        gateway.addListener(first);

        gateway.start();

        first.await(Connected.class);
        events.await(Connected.class);
    }

    @Test
    void backoffDoublesFromTheMinimumUpToTheMaximum() {
        try (AmiGateway idle = new AmiGateway(TestSettings.forPort(server.port())
                .withReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(3)))) {
            assertEquals(List.of(500L, 1000L, 2000L, 3000L, 3000L),
                    List.of(1, 2, 3, 4, 40).stream().map(n -> idle.backoff(n).toMillis()).toList());
        }
    }

    @Test
    void secondStartDoesNothing() throws Exception {
        gateway = connected(TestSettings.forPort(server.port()));

        gateway.start(); // dialerd starts the gateway once its engine listens; a started one stays as it is

        assertTrue(gateway.isConnected());
        assertEquals(List.of(new Connected("Asterisk 22")), events.all());
    }

    @Test
    void startAfterCloseIsAMistake() {
        gateway = gateway(TestSettings.forPort(server.port()));
        gateway.close();

        assertThrows(IllegalStateException.class, gateway::start);
    }

    private AmiGateway gateway(AmiSettings settings) {
        AmiGateway g = new AmiGateway(settings);
        g.addListener(events);
        return g;
    }

    private AmiGateway connected(AmiSettings settings) throws Exception {
        AmiGateway g = gateway(settings);
        g.start();
        PbxEvent first = events.await(Connected.class);
        assertEquals(new Connected("Asterisk 22"), first);
        return g;
    }
}
