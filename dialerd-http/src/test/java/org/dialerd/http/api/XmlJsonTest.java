package org.dialerd.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class XmlJsonTest {
    private static JsonNode json(String text) throws Exception {
        return ApiResponses.MAPPER.readTree(text);
    }

    @Test
    void textElementsBecomeStringsAndSuccessBecomesTrue() {
        XmlElement answer = XmlElement.of("loginagent_response", XmlElement.text("status", "logged-in"),
                XmlElement.empty("success"), XmlElement.empty("channel"));
        assertEquals("{\"status\":\"logged-in\",\"success\":true,\"channel\":\"\"}", XmlJson.toJson(answer).toString());
    }

    @Test
    void listsAreArraysEvenWithOneOrNoItem() {
        XmlElement one = XmlElement.of("getpauses_response", XmlElement.of("pauses",
                XmlElement.of("pause", XmlElement.text("id", 2), XmlElement.text("name", "Lunch"))));
        assertEquals("{\"pauses\":[{\"id\":\"2\",\"name\":\"Lunch\"}]}", XmlJson.toJson(one).toString());
        XmlElement none = XmlElement.of("x_response", XmlElement.empty("agents"));
        assertEquals("{\"agents\":[]}", XmlJson.toJson(none).toString());
    }

    @Test
    void attributesAreAtMembersAndTextBesideThemIsHashText() {
        XmlElement form = XmlElement.builder("form").attribute("id", 1)
                .add(XmlElement.builder("field").attribute("id", 3).text("x").build()).build();
        assertEquals("{\"forms\":[{\"@id\":\"1\",\"field\":[{\"@id\":\"3\",\"#text\":\"x\"}]}]}",
                XmlJson.toJson(XmlElement.of("r", XmlElement.of("forms", form))).toString());
    }

    @Test
    void repeatedNamesBecomeArraysInDocumentOrder() {
        XmlElement schedule = XmlElement.of("schedule", XmlElement.text("time_init", "09:25:00"),
                XmlElement.text("time_init", "17:30:00"));
        assertEquals("{\"time_init\":[\"09:25:00\",\"17:30:00\"]}", XmlJson.toJson(schedule).toString());
    }

    @Test
    void aRequestBodyBecomesTheRequestElement() throws Exception {
        XmlElement request = XmlJson.toXml("saveformdata", json("{\"agent_number\":\"Agent/9000\",\"call_id\":27,"
                + "\"sameagent\":true,\"skip\":null,\"forms\":[{\"@id\":\"1\",\"field\":[{\"@id\":\"1\",\"#text\":\"a\"},"
                + "{\"@id\":\"2\",\"#text\":\"b\"}]}]}"));
        assertEquals("<saveformdata><agent_number>Agent/9000</agent_number><call_id>27</call_id>"
                + "<sameagent>1</sameagent><forms><form id=\"1\"><field id=\"1\">a</field><field id=\"2\">b</field>"
                + "</form></forms></saveformdata>", request.toString());
    }

    @Test
    void aListInARequestGetsItsItemElements() throws Exception {
        XmlElement request = XmlJson.toXml("getmultipleagentstatus", json("{\"agents\":[\"Agent/9000\"]}"));
        assertEquals("<getmultipleagentstatus><agents><agent>Agent/9000</agent></agents></getmultipleagentstatus>",
                request.toString());
    }

    @Test
    void aBodyThatIsNotAnObjectOrHoldsNestedArraysIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> XmlJson.toXml("x", json("[1]")));
        assertThrows(IllegalArgumentException.class, () -> XmlJson.toXml("x", json("{\"a\":{\"@b\":[1]}}")));
    }
}
