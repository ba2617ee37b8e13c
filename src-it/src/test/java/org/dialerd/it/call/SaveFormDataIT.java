package org.dialerd.it.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.eccp.xml.XmlWriter;
import org.dialerd.it.ReplayServer;
import org.dialerd.testdata.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * saveformdata over ECCP against the trace seed: what ends up in the database, and what
 * getcallinfo then shows. Each test works on its own call, so the order they run in does
 * not matter.
 */
class SaveFormDataIT {
    private static final AgentCredentials AGENT_9000 = new AgentCredentials("Agent/9000", "demo");
    private static final AgentCredentials AGENT_9001 = new AgentCredentials("Agent/9001", "demo");

    private static ReplayServer server;
    private EccpClient client;

    @BeforeAll
    static void start() {
        server = ReplayServer.start(TestData.eccpTraces().resolve("seed/call_center-data.sql"),
                Clock.fixed(Instant.parse("2026-11-22T10:50:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() {
        client = EccpClient.connect("127.0.0.1", server.port());
        client.login("agentconsole", "agentconsole");
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void requestWhoseThirdFieldIsInvalidStoresNothing() throws SQLException {
        List<String> before = outgoingValues(1001);
        String surveyBefore = survey(client.getCallInfo("outgoing", 1, 1001));

        EccpResponse answer = client.saveFormData(AGENT_9000, "outgoing", 1001, Map.of(1, ordered(
                1, "Otro nombre", 2, "aaa", 3, "30/11/2026", 4, "Comentario nuevo")));

        assertEquals(new EccpResponse.Failure(406,
                        "Date format not acceptable, must be yyyy-mm-dd or yyyy-mm-dd hh:mm:ss: 1 - 3"),
                answer.failure().orElseThrow());
        assertEquals(before, outgoingValues(1001));
        assertEquals(surveyBefore, survey(client.getCallInfo("outgoing", 1, 1001)));
        assertTrue(surveyBefore.contains("<value>Zoila Chacha</value>"), surveyBefore);
    }

    @Test
    void validSaveIsVisibleThroughGetCallInfo() throws SQLException {
        assertEquals("<call_survey/>", survey(client.getCallInfo("outgoing", 1, 1006)));

        Map<Integer, Map<Integer, String>> forms = new LinkedHashMap<>();
        forms.put(2, ordered(7, "99.90", 8, "Efectivo"));
        forms.put(1, ordered(1, "Pedro Pérez", 5, "a LABEL is not stored"));
        assertTrue(client.saveFormData(AGENT_9001, "outgoing", 1006, forms).isSuccess());

        assertEquals("<call_survey><form id=\"1\"><field id=\"1\"><label>Nombre del cliente</label>"
                + "<value>Pedro P&#xE9;rez</value></field></form><form id=\"2\"><field id=\"8\">"
                + "<label>Forma de pago</label><value>Efectivo</value></field><field id=\"7\">"
                + "<label>Monto (USD)</label><value>99.90</value></field></form></call_survey>",
                survey(client.getCallInfo("outgoing", 1, 1006)));
        assertEquals(List.of("1=Pedro Pérez", "7=99.90", "8=Efectivo"), outgoingValues(1006));
    }

    @Test
    void savingAFieldAgainReplacesItsValue() throws SQLException {
        assertTrue(client.saveFormData(AGENT_9000, "outgoing", 1002, Map.of(2, ordered(7, "10.00"))).isSuccess());
        assertTrue(client.saveFormData(AGENT_9000, "outgoing", 1002, Map.of(2, ordered(7, "20.00"))).isSuccess());

        assertEquals(List.of("7=20.00"), outgoingValues(1002));
        assertEquals("<call_survey><form id=\"2\"><field id=\"7\"><label>Monto (USD)</label>"
                + "<value>20.00</value></field></form></call_survey>",
                survey(client.getCallInfo("outgoing", 1, 1002)));
    }

    @Test
    void incomingValuesGoToTheEntryTable() throws SQLException {
        assertTrue(client.saveFormData(AGENT_9000, "incoming", 2, Map.of(1, ordered(1, "Luis Andrade", 3, "")))
                .isSuccess());

        assertEquals(List.of("1=Luis Andrade", "3="), values(
                "SELECT id_form_field, value FROM form_data_recolected_entry WHERE id_call_entry = ? ORDER BY id", 2));
        assertEquals(List.of(), outgoingValues(2));
        assertEquals("<call_survey><form id=\"1\"><field id=\"1\"><label>Nombre del cliente</label>"
                + "<value>Luis Andrade</value></field><field id=\"3\"><label>Fecha de visita</label><value/>"
                + "</field></form></call_survey>", survey(client.getCallInfo("incoming", null, 2)));
    }

    @Test
    void agentThatDidNotTakeTheCallStoresNothing() throws SQLException {
        EccpResponse answer = client.saveFormData(AGENT_9001, "outgoing", 1007, Map.of(1, ordered(1, "x")));

        assertEquals(new EccpResponse.Failure(401, "Unauthorized agent"), answer.failure().orElseThrow());
        assertEquals(List.of(), outgoingValues(1007));
    }

    private static Map<Integer, String> ordered(Object... idsAndValues) {
        Map<Integer, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            fields.put((Integer) idsAndValues[i], (String) idsAndValues[i + 1]);
        }
        return fields;
    }

    private static String survey(EccpResponse callInfo) {
        XmlElement body = callInfo.orThrow();
        return XmlWriter.toXml(body.child("call_survey").orElseThrow());
    }

    private static List<String> outgoingValues(long callId) throws SQLException {
        return values("SELECT id_form_field, value FROM form_data_recolected WHERE id_calls = ? ORDER BY id_form_field",
                callId);
    }

    private static List<String> values(String sql, long callId) throws SQLException {
        try (Connection connection = server.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, callId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1) + "=" + rows.getString(2));
                }
            }
            return values;
        }
    }
}
