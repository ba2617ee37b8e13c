package org.dialerd.http.api;

import java.util.List;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.http.Response;

/** Campaigns and incoming queues: list, info, status, statistics; each one ECCP request. */
final class CampaignEndpoints {
    private static final String CAMPAIGN = WebApi.PREFIX + "/campaigns/{type}/{id}";
    private static final String QUEUE = WebApi.PREFIX + "/queues/{queue}";
    private static final List<String> LIST_FILTERS = List.of("campaign_type", "status", "filtername",
            "datetime_start", "datetime_end", "offset", "limit");

    private CampaignEndpoints() {
    }

    static List<ApiRoute> routes() {
        ApiRoute.Access client = ApiRoute.Access.CLIENT;
        return List.of(
                ApiRoute.get(WebApi.PREFIX + "/campaigns", "Campaigns (getcampaignlist); query: campaign_type, "
                        + "status, filtername, datetime_start, datetime_end, offset, limit", client, List.of(400),
                        call -> call.answer(fromQuery(call, "getcampaignlist", LIST_FILTERS))),
                ApiRoute.get(CAMPAIGN, "A campaign's details, forms and script (getcampaigninfo)", client,
                        List.of(400, 404), call -> call.answer(campaign(call, "getcampaigninfo"))),
                ApiRoute.get(CAMPAIGN + "/status", "A campaign's progress, agents and active calls "
                        + "(getcampaignstatus); query: datetime_start", client, List.of(400, 404, 500),
                        call -> call.answer(campaign(call, "getcampaignstatus"))),
                ApiRoute.get(CAMPAIGN + "/statistics", "A campaign's queue wait histogram (getcampaignqueuewait)",
                        client, List.of(400, 404), call -> call.answer(campaign(call, "getcampaignqueuewait"))),
                ApiRoute.get(CAMPAIGN + "/abandoned", "An outgoing campaign's abandoned calls by the 2-second rule, "
                        + "today and over 30 days, against its target (extension getcampaignabandonstatus)", client,
                        List.of(400), call -> call.answer(campaign(call, "getcampaignabandonstatus"))),
                ApiRoute.get(WebApi.PREFIX + "/queues", "Incoming queues (getincomingqueuelist)", client, List.of(),
                        call -> call.answer(XmlElement.empty("getincomingqueuelist"))),
                ApiRoute.get(QUEUE, "A queue's script (getqueuescript)", client, List.of(400, 404),
                        call -> call.answer(queue(call, "getqueuescript"))),
                ApiRoute.get(QUEUE + "/status", "A queue's calls and agents (getincomingqueuestatus); "
                        + "query: datetime_start", client, List.of(400, 404, 500),
                        call -> call.answer(queue(call, "getincomingqueuestatus"))));
    }

    private static XmlElement campaign(ApiCall call, String name) {
        XmlElement.Builder request = XmlElement.builder(name)
                .add("campaign_type", call.request().pathParam("type").orElse(""))
                .add("campaign_id", call.request().pathParam("id").orElse(""));
        call.request().queryParam("datetime_start").ifPresent(value -> request.add("datetime_start", value));
        return request.build();
    }

    private static XmlElement queue(ApiCall call, String name) {
        XmlElement.Builder request = XmlElement.builder(name).add("queue", call.request().pathParam("queue")
                .orElse(""));
        call.request().queryParam("datetime_start").ifPresent(value -> request.add("datetime_start", value));
        return request.build();
    }

    private static XmlElement fromQuery(ApiCall call, String name, List<String> keys) {
        XmlElement.Builder request = XmlElement.builder(name);
        for (String key : keys) {
            call.request().queryParam(key).ifPresent(value -> request.add(key, value));
        }
        return request.build();
    }
}
