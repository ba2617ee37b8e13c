package org.dialerd.core.stats;

/**
 * A service line: an Asterisk queue ({@code queue("8001")}) or a campaign
 * ({@code campaign("outgoing", 1)}). A call counts on its queue's line and, when it belongs
 * to one, on its campaign's line.
 */
public record LineKey(String kind, String campaignType, Integer campaignId, String queue) {
    public static LineKey queue(String queue) {
        return new LineKey("queue", null, null, queue);
    }

    public static LineKey campaign(String campaignType, int campaignId) {
        return new LineKey("campaign", campaignType, campaignId, null);
    }

    public boolean isQueue() {
        return "queue".equals(kind);
    }
}
