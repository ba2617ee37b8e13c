package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.api.XmlJson;
import org.dialerd.it.DemoDialerd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10 item 1, "every ECCP request is available as JSON, answered by the same handlers
 * through the same dispatcher": every request name dialerd knows (the reference's 38 and the
 * extensions) is sent over ECCP and as {@code POST /api/v1/eccp/{request}}, by the same client
 * account, with the same parameters; both faces give the same failure (code and message) or the
 * same answer (the XML mapped to JSON by the one rule).
 */
class EccpOverJsonIT {
    /** The session requests: the token is the HTTP session (docs/web-api.md, "Generic ECCP"). */
    private static final Set<RequestName> SESSION = Set.of(RequestName.LOGIN, RequestName.LOGOUT);
    /** Answers that carry the time they are made or change state when asked: compared as successes only. */
    private static final Set<String> MOVING = Set.of("dumpstatus", "refreshagents", "getagentactivitysummary");
    @RegisterExtension
    static final DemoDialerd dialerd = DemoDialerd.monitored();

    /** A request and its parameters, the same on both faces. */
    record Case(String name, Map<String, String> parameters) {
        XmlElement xml() {
            XmlElement.Builder request = XmlElement.builder(name);
            parameters.forEach(request::add);
            return request.build();
        }

        String json() {
            var body = ApiClient.JSON.createObjectNode();
            parameters.forEach(body::put);
            return body.toString();
        }
    }

    @Test
    void everyRequestWithoutParametersFailsOrAnswersAlikeOnBothFaces() {
        List<RequestName> names = Arrays.stream(RequestName.values()).filter(n -> !SESSION.contains(n)).toList();
        assertEquals(38, Arrays.stream(RequestName.values()).filter(n -> !n.isExtension()).count(),
                "the reference's requests");
        List<Case> cases = new ArrayList<>();
        for (RequestName name : names) {
            cases.add(new Case(name.wireName(), Map.of()));
        }
        compare(cases);
    }

    @Test
    void readingRequestsWithRealParametersGiveTheSameAnswerOnBothFaces() {
        compare(List.of(
                new Case("getagentstatus", Map.of("agent_number", "Agent/9000")),
                new Case("getagentstatus", Map.of("agent_number", "Agent9000")),
                new Case("getmultipleagentqueues", Map.of()),
                new Case("getagentqueues", Map.of("agent_number", "SIP/1001")),
                new Case("getcampaigninfo", Map.of("campaign_type", "outgoing", "campaign_id", "1")),
                new Case("getcampaigninfo", Map.of("campaign_type", "incoming", "campaign_id", "1")),
                new Case("getcampaigninfo", Map.of("campaign_type", "outgoing", "campaign_id", "99999")),
                new Case("getcampaignstatus", Map.of("campaign_type", "outgoing", "campaign_id", "1")),
                new Case("getcampaignqueuewait", Map.of("campaign_type", "incoming", "campaign_id", "1")),
                new Case("getcampaignlist", Map.of("campaign_type", "outgoing")),
                new Case("getcampaignabandonstatus", Map.of("campaign_type", "outgoing", "campaign_id", "1")),
                new Case("getqueuescript", Map.of("queue", "8001")),
                new Case("getqueuescript", Map.of("queue", "9999")),
                new Case("getincomingqueuestatus", Map.of("queue", "8001")),
                new Case("getcallinfo", Map.of("campaign_type", "outgoing", "campaign_id", "1", "call_id", "101")),
                new Case("getcallinfo", Map.of("campaign_type", "incoming", "call_id", "1")),
                new Case("campaignlog", Map.of("campaign_type", "outgoing", "campaign_id", "1")),
                new Case("getpauses", Map.of()),
                new Case("getrequestlist", Map.of()),
                new Case("getchanvars", Map.of("agent_number", "SIP/1001"))));
    }

    @Test
    void agentActionsCheckTheAgentHashTheSameWayOnBothFaces() {
        ApiClient api = new ApiClient(dialerd.pbx().httpPort()).login("agentconsole", "agentconsole");
        List<String> different = new ArrayList<>();
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", dialerd.pbx().eccpPort())) {
            String cookie = eccp.login("agentconsole", "agentconsole");
            for (String password : List.of("demo", "wrong")) {
                for (Case action : List.of(new Case("pauseagent", Map.of("agent_number", "Agent/9000",
                                "pause_type", "2")), new Case("logoutagent", Map.of("agent_number", "SIP/1001")),
                        new Case("hangup", Map.of("agent_number", "SIP/1001")),
                        new Case("hold", Map.of("agent_number", "SIP/1002")))) {
                    String agent = action.parameters().get("agent_number");
                    XmlElement request = XmlElement.builder(action.name()).addAll(action.xml().children())
                            .add("agent_hash", Md5.agentHash(cookie, agent, password)).build();
                    EccpResponse viaEccp = eccp.send(request);
                    ApiClient.Answer json = api.post("/api/v1/eccp/" + action.name(), action.json(),
                            Map.of("X-Agent-Password", password));
                    String difference = difference(action, viaEccp, json);
                    if (difference != null) {
                        different.add(password + ": " + difference);
                    }
                    if (password.equals("wrong")) {
                        assertEquals("Unauthorized agent", json.message(), action + ": " + json.body());
                    }
                }
            }
        }
        assertEquals(List.of(), different);
    }

    private static void compare(List<Case> cases) {
        ApiClient api = new ApiClient(dialerd.pbx().httpPort()).login("agentconsole", "agentconsole");
        List<String> different = new ArrayList<>();
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", dialerd.pbx().eccpPort())) {
            eccp.login("agentconsole", "agentconsole");
            for (Case c : cases) {
                EccpResponse viaEccp = eccp.send(c.xml());
                ApiClient.Answer json = api.post("/api/v1/eccp/" + c.name(), c.json());
                assertNotEquals(501, json.status(), c + " is a known request");
                String difference = difference(c, viaEccp, json);
                if (difference != null) {
                    different.add(difference);
                }
            }
        }
        assertEquals(List.of(), different);
    }

    /** What differs between the two answers, or null. */
    private static String difference(Case c, EccpResponse viaEccp, ApiClient.Answer json) {
        if (viaEccp.failure().isPresent()) {
            EccpResponse.Failure failure = viaEccp.failure().get();
            boolean same = json.status() >= 400 && failure.code() == json.code()
                    && failure.message().equals(json.message());
            return same ? null : c + ": ECCP " + failure + ", JSON " + json.status() + " " + json.body();
        }
        if (json.status() != 200) {
            return c + ": ECCP succeeded, JSON " + json.status() + " " + json.body();
        }
        JsonNode mapped = XmlJson.toJson(viaEccp.body());
        if (MOVING.contains(c.name()) || mapped.equals(json.body())) {
            return null;
        }
        return c + ": ECCP " + mapped + ", JSON " + json.body();
    }
}
