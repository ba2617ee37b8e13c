package org.dialerd.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.dialerd.eccp.xml.XmlElement;

/**
 * A weighted request mix, e.g. {@code getagentstatus:8,getcampaigninfo:1,getpauses:1}: request
 * {@code i} is the {@code i}-th slot of a cycle in which each name appears as often as its
 * weight, so the mix is exact over every cycle and the same on every run. Arguments name the
 * demo data (agents 9000–9004 and SIP/1001–1005, campaign 1, queue 8001).
 */
final class RequestMix {
    private static final String[] AGENTS = {"Agent/9000", "Agent/9001", "Agent/9002", "Agent/9003", "Agent/9004",
            "SIP/1001", "SIP/1002", "SIP/1003", "SIP/1004", "SIP/1005"};
    private static final String TODAY = LocalDate.now().toString();
    private static final Map<String, IntFunction<XmlElement>> REQUESTS = Map.ofEntries(
            Map.entry("getagentstatus", i -> XmlElement.builder("getagentstatus")
                    .add("agent_number", AGENTS[i % AGENTS.length]).build()),
            Map.entry("getcampaignlist", i -> XmlElement.empty("getcampaignlist")),
            Map.entry("getcampaigninfo", i -> XmlElement.builder("getcampaigninfo")
                    .add("campaign_type", "outgoing").add("campaign_id", 1).build()),
            Map.entry("getcallinfo", i -> XmlElement.builder("getcallinfo")
                    .add("campaign_type", "outgoing").add("campaign_id", 1).add("call_id", 1 + i % 50).build()),
            Map.entry("getpauses", i -> XmlElement.empty("getpauses")),
            Map.entry("getcampaignstatus", i -> XmlElement.builder("getcampaignstatus")
                    .add("campaign_type", "outgoing").add("campaign_id", 1).build()),
            Map.entry("getagentactivitysummary", i -> XmlElement.builder("getagentactivitysummary")
                    .add("datetime_start", TODAY).add("datetime_end", TODAY).build()),
            Map.entry("getincomingqueuelist", i -> XmlElement.empty("getincomingqueuelist")),
            Map.entry("getqueuescript", i -> XmlElement.builder("getqueuescript").add("queue", "8001").build()),
            Map.entry("getincomingqueuestatus", i -> XmlElement.builder("getincomingqueuestatus")
                    .add("queue", "8001").build()),
            Map.entry("getagentqueues", i -> XmlElement.builder("getagentqueues")
                    .add("agent_number", AGENTS[i % AGENTS.length]).build()),
            Map.entry("getcampaignqueuewait", i -> XmlElement.builder("getcampaignqueuewait")
                    .add("campaign_type", "outgoing").add("campaign_id", 1).build()));

    private final List<String> cycle;

    private RequestMix(List<String> cycle) {
        this.cycle = cycle;
    }

    /** {@code name[:weight],...}; a weight defaults to 1. */
    static RequestMix parse(String spec) {
        List<String> cycle = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] nameWeight = part.strip().split(":");
            String name = nameWeight[0];
            if (!REQUESTS.containsKey(name)) {
                throw new IllegalArgumentException("--mix '" + spec + "': unknown request '" + name + "' (known: "
                        + String.join(", ", REQUESTS.keySet().stream().sorted().toList()) + ")");
            }
            int weight;
            try {
                weight = nameWeight.length > 1 ? Integer.parseInt(nameWeight[1]) : 1;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--mix '" + spec + "': weight of " + name + " is not a number", e);
            }
            if (weight < 1 || weight > 1000) {
                throw new IllegalArgumentException("--mix '" + spec + "': weight of " + name + " must be 1-1000");
            }
            for (int w = 0; w < weight; w++) {
                cycle.add(name);
            }
        }
        return new RequestMix(List.copyOf(cycle));
    }

    String name(long index) {
        return cycle.get((int) (index % cycle.size()));
    }

    XmlElement request(long index) {
        return REQUESTS.get(name(index)).apply((int) (index / cycle.size() % Integer.MAX_VALUE));
    }
}
