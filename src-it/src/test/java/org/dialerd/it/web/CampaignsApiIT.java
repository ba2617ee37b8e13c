package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 1's campaigns and queues (list, info, status, statistics) over HTTP on the demo
 * data: each resource answers what its ECCP request answers through the generic endpoint, lists
 * are arrays however many items they have, and bad input gets ECCP's failure as the one error
 * shape. (An id that is not a number is ECCP's PHP integer cast, 0, as in the reference: no
 * campaign, so getcampaigninfo answers 404 and getcampaignqueuewait an empty histogram; an
 * unknown queue's status is zeros.)
 */
class CampaignsApiIT {
    private static PbxHarness pbx;
    private static ApiClient api;

    @BeforeAll
    static void startPbx() {
        pbx = PbxHarness.startMonitored("sql/demo-data.sql");
        api = new ApiClient(pbx.httpPort()).login("agentconsole", "agentconsole");
    }

    @AfterAll
    static void stopPbx() {
        if (pbx != null) {
            pbx.close();
        }
    }

    /** The resource's answer, checked equal to the generic endpoint's for the same ECCP request. */
    private static JsonNode same(String path, String request, String parameters) {
        ApiClient.Answer resource = api.get(path);
        assertEquals(200, resource.status(), path + ": " + resource.body());
        ApiClient.Answer generic = api.post("/api/v1/eccp/" + request, parameters);
        assertEquals(200, generic.status(), request + ": " + generic.body());
        assertEquals(generic.body(), resource.body(), path + " answers " + request);
        return resource.body();
    }

    @Test
    void campaignsAreListedWithTheirDetailsStatusAndWaitHistogram() {
        JsonNode list = same("/api/v1/campaigns", "getcampaignlist", "{}");
        assertTrue(list.get("campaigns").isArray(), list.toString());
        assertTrue(list.get("campaigns").size() >= 2, list.toString());
        JsonNode outgoing = same("/api/v1/campaigns?campaign_type=outgoing", "getcampaignlist",
                "{\"campaign_type\":\"outgoing\"}").get("campaigns");
        assertTrue(outgoing.isArray() && outgoing.size() >= 1, outgoing.toString());
        for (JsonNode campaign : outgoing) {
            assertEquals("outgoing", campaign.path("type").asText("outgoing"), campaign.toString());
        }

        JsonNode info = same("/api/v1/campaigns/outgoing/1", "getcampaigninfo",
                "{\"campaign_type\":\"outgoing\",\"campaign_id\":\"1\"}");
        assertTrue(info.get("forms").isArray(), info.toString());
        for (JsonNode form : info.get("forms")) {
            assertTrue(form.get("field").isArray(), "fields are always an array: " + form);
        }
        JsonNode status = same("/api/v1/campaigns/outgoing/1/status", "getcampaignstatus",
                "{\"campaign_type\":\"outgoing\",\"campaign_id\":\"1\"}");
        assertTrue(status.has("statuscount"), status.toString());
        JsonNode statistics = same("/api/v1/campaigns/incoming/1/statistics", "getcampaignqueuewait",
                "{\"campaign_type\":\"incoming\",\"campaign_id\":\"1\"}");
        assertTrue(statistics.get("histogram").isArray(), statistics.toString());
    }

    @Test
    void queuesAreListedWithTheirScriptAndStatus() {
        JsonNode list = same("/api/v1/queues", "getincomingqueuelist", "{}");
        assertTrue(list.get("queues").isArray(), list.toString());
        List<String> queues = new java.util.ArrayList<>();
        list.get("queues").forEach(queue -> queues.add(queue.toString()));
        assertTrue(queues.stream().anyMatch(q -> q.contains("8001")), list.toString());
        same("/api/v1/queues/8001", "getqueuescript", "{\"queue\":\"8001\"}");
        JsonNode status = same("/api/v1/queues/8001/status", "getincomingqueuestatus", "{\"queue\":\"8001\"}");
        assertTrue(status.get("agents").isArray() && status.get("activecalls").isArray(), status.toString());
        // As in the reference, an unknown queue's status is all zeros, not a 404.
        JsonNode unknown = same("/api/v1/queues/9999/status", "getincomingqueuestatus", "{\"queue\":\"9999\"}");
        assertEquals("0", unknown.get("statuscount").get("total").asText(), unknown.toString());
    }

    @Test
    void badInputGetsEccpsFailureInTheOneErrorShape() {
        for (String[] bad : List.of(new String[] {"/api/v1/campaigns/sideways/1", "getcampaigninfo",
                        "{\"campaign_type\":\"sideways\",\"campaign_id\":\"1\"}"},
                new String[] {"/api/v1/campaigns/outgoing/99999", "getcampaigninfo",
                        "{\"campaign_type\":\"outgoing\",\"campaign_id\":\"99999\"}"},
                new String[] {"/api/v1/campaigns/outgoing/99999/status", "getcampaignstatus",
                        "{\"campaign_type\":\"outgoing\",\"campaign_id\":\"99999\"}"},
                new String[] {"/api/v1/campaigns/sideways/1/statistics", "getcampaignqueuewait",
                        "{\"campaign_type\":\"sideways\",\"campaign_id\":\"1\"}"},
                new String[] {"/api/v1/queues/9999", "getqueuescript", "{\"queue\":\"9999\"}"})) {
            ApiClient.Answer resource = api.get(bad[0]);
            ApiClient.Answer generic = api.post("/api/v1/eccp/" + bad[1], bad[2]);
            assertTrue(resource.status() >= 400 && resource.status() < 500, bad[0] + ": " + resource.body());
            assertEquals(generic.status(), resource.status(), bad[0]);
            assertEquals(generic.body(), resource.body(), bad[0]);
            assertEquals(List.of("code", "message"), fieldNames(resource.body().get("error")), bad[0]);
            assertEquals(1, resource.body().size(), "only the error: " + resource.body());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
