package org.dialerd.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dialerd.it.ReplayServer;
import org.dialerd.testdata.TestData;
import org.dialerd.it.eccp.RawConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * getagentqueues and getmultipleagentqueues over TCP once {@code dialerd_queue_member} has
 * rows (the transcripts only show empty lists), with Asterisk unreachable: membership is
 * dialerd's own table, so these requests do not need AMI.
 */
class AgentQueuesIT {
    private static final String LOGIN = "<request id=\"1\"><login><username>agentconsole</username>"
            + "<password>agentconsole</password></login></request>";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ReplayServer server;

    @BeforeAll
    static void start() throws SQLException {
        server = ReplayServer.start(TestData.eccpTraces().resolve("seed/call_center-data.sql"),
                Clock.fixed(Instant.parse("2026-11-22T10:50:00Z"), ZoneOffset.UTC));
        try (Connection connection = server.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO dialerd_queue_member (id_agent, queue, penalty) VALUES"
                    + " (7, '8001', 0), (7, '8000', 1), (6, '8001', 0), (1, '8000', 0)");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String answer(String request) throws IOException {
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.send(LOGIN + request);
            String received = raw.awaitCount("</response>", 2, WAIT);
            return received.substring(received.indexOf("<response id=\"2\">"));
        }
    }

    @Test
    void listsTheConfiguredQueuesOfADynamicAgent() throws IOException {
        assertEquals("<response id=\"2\"><getagentqueues_response><queues><queue>8000</queue><queue>8001</queue>"
                + "</queues></getagentqueues_response></response>\n",
                answer("<request id=\"2\"><getagentqueues><agent_number>SIP/1002</agent_number></getagentqueues>"
                        + "</request>"));
    }

    @Test
    void staticAgentQueuesAreAsteriskNotTheTable() throws IOException {
        assertEquals("<response id=\"2\"><getagentqueues_response><queues/></getagentqueues_response></response>\n",
                answer("<request id=\"2\"><getagentqueues><agent_number>Agent/9000</agent_number></getagentqueues>"
                        + "</request>"));
    }

    @Test
    void listsTheQueuesOfSeveralAgents() throws IOException {
        assertEquals("<response id=\"2\"><getmultipleagentqueues_response><agents>"
                + "<agent><agent_number>SIP/1001</agent_number><queues><queue>8001</queue></queues></agent>"
                + "<agent><agent_number>Agent/9001</agent_number><queues/></agent>"
                + "<agent><agent_number>SIP/1002</agent_number><queues><queue>8000</queue><queue>8001</queue>"
                + "</queues></agent></agents></getmultipleagentqueues_response></response>\n",
                answer("<request id=\"2\"><getmultipleagentqueues><agents><agent_number>SIP/1001</agent_number>"
                        + "<agent_number>Agent/9001</agent_number><agent_number>SIP/1002</agent_number>"
                        + "</agents></getmultipleagentqueues></request>"));
    }
}
