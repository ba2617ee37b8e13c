package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supervisor endpoints of the JSON API over the same dispatcher as ECCP: a supervisor token
 * listens to SIP/1001's call and stops; the agent console's token is refused with ECCP's 403.
 */
class SupervisorApiIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AgentCredentials AGENT = new AgentCredentials("SIP/1001", "demo");
    private static PbxHarness pbx;

    @BeforeAll
    static void start() {
        pbx = PbxHarness.startMonitored("sql/demo-data.sql");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void aSupervisorTokenListensAndStopsAndAnAgentConsoleTokenIsForbidden() {
        LinkedBlockingQueue<XmlElement> consoleEvents = new LinkedBlockingQueue<>();
        try (EccpClient console = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            console.login("agentconsole", "agentconsole");
            console.onEvent(consoleEvents::add);
            console.loginAgent(AGENT, "1001");
            pbx.simulator().inboundCall("042345699", "8001", Duration.ofSeconds(600));
            pbx.simulator().advance(Duration.ofSeconds(3));
            EventWaits.await(consoleEvents, "agentlinked", WAIT);

            ApiClient.Answer forbidden = new ApiClient(pbx.httpPort()).login("agentconsole", "agentconsole")
                    .post("/api/v1/agents/SIP-1001/spy", "{\"extension\": \"1010\", \"mode\": \"listen\"}");
            assertEquals(403, forbidden.status(), forbidden.body().toString());
            assertEquals("Client is not a supervisor", forbidden.body().path("error").path("message").asText());

            ApiClient supervisor = new ApiClient(pbx.httpPort()).login("supervisor", "supervisor");
            ApiClient.Answer started = supervisor.post("/api/v1/agents/SIP-1001/spy",
                    "{\"extension\": \"1010\", \"mode\": \"listen\"}");
            assertEquals(200, started.status(), started.body().toString());
            assertTrue(started.body().path("spy_id").asText().contains("-s"), started.body().toString());
            pbx.simulator().advance(Duration.ofSeconds(2));

            ApiClient.Answer stopped = supervisor.delete("/api/v1/agents/SIP-1001/spy");
            assertEquals(204, stopped.status(), stopped.body().toString());

            assertTrue(console.hangup(AGENT).isSuccess());
            EventWaits.await(consoleEvents, "agentunlinked", WAIT);
            console.logoutAgent(AGENT);
        }
    }
}
