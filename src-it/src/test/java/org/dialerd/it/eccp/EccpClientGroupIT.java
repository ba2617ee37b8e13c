package org.dialerd.it.eccp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpClientGroup;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.ReplayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many clients on one shared I/O group (the load tool's sessions) over real TCP. */
class EccpClientGroupIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ReplayServer server;

    @BeforeAll
    static void start() {
        EccpServerSettings settings = new EccpServerSettings("127.0.0.1", 0, 4096, Duration.ofSeconds(60), 16,
                256 * 1024, Set.of(), 4);
        server = ReplayServer.start(java.time.Clock.systemUTC(), settings, "sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void manyClientsOnTwoThreadsEachGetTheirOwnAnswersInOrder() throws Exception {
        try (EccpClientGroup group = EccpClientGroup.of(2)) {
            List<EccpClient> clients = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                EccpClient client = group.connect("127.0.0.1", server.port(), WAIT);
                client.login("agentconsole", "agentconsole");
                clients.add(client);
            }
            List<CompletableFuture<EccpResponse>> answers = new ArrayList<>();
            for (EccpClient client : clients) {
                for (int p = 0; p < 10; p++) {
                    answers.add(client.sendAsync(XmlElement.empty(p % 2 == 0 ? "getpauses" : "getincomingqueuelist")));
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                EccpResponse answer = answers.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(i % 2 == 0 ? "getpauses_response" : "getincomingqueuelist_response", answer.body().name());
                assertTrue(answer.isSuccess(), answer.toString());
            }
        }
    }

    @Test
    void requestsSentFromAnswerCallbacksAndFromTheCallerAtOnceAreEachMatchedToTheirOwnAnswer() throws Exception {
        try (EccpClientGroup group = EccpClientGroup.of(1)) {
            EccpClient client = group.connect("127.0.0.1", server.port(), WAIT);
            client.login("agentconsole", "agentconsole");
            List<CompletableFuture<EccpResponse>> answers = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 200; i++) {
                // Each answer's callback (on the I/O thread) sends one more while this thread keeps sending.
                CompletableFuture<EccpResponse> answer = client.sendAsync(XmlElement.empty("getpauses"));
                answers.add(answer);
                answer.whenComplete((r, e) -> answers.add(client.sendAsync(XmlElement.empty("getincomingqueuelist"))));
            }
            Awaits.until("400 answers", WAIT, () -> answers.size() == 400);
            for (CompletableFuture<EccpResponse> answer : List.copyOf(answers)) {
                assertTrue(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS).isSuccess());
            }
        }
    }

    @Test
    void closingOneClientLeavesTheOthersOnTheGroupWorking() {
        try (EccpClientGroup group = EccpClientGroup.of(1)) {
            EccpClient first = group.connect("127.0.0.1", server.port(), WAIT);
            EccpClient second = group.connect("127.0.0.1", server.port(), WAIT);
            first.login("agentconsole", "agentconsole");
            second.login("agentconsole", "agentconsole");

            first.close();

            assertFalse(first.isOpen());
            assertTrue(second.getPauses().isSuccess());
        }
    }
}
