package org.dialerd.db.store;

import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.ClickToCallStore;

/**
 * The {@code calls} row of a click-to-call, in the campaign asked for or in the agent's only
 * active outgoing campaign. Inserted with status Placing, as the dialer's Placing would leave it,
 * so no dialer round picks it between the insert and the engine's own Placing record.
 */
public final class JdbcClickToCallStore implements ClickToCallStore {
    private static final String CAMPAIGN =
            "SELECT id, name, queue, trunk, estatus FROM campaign WHERE id = ?";
    /** The active campaigns are few: the agent's queues are matched here, not in a built IN list. */
    private static final String ACTIVE =
            "SELECT id, name, queue, trunk, estatus FROM campaign WHERE estatus = 'A' ORDER BY id";
    private static final String INSERT_CALL =
            "INSERT INTO calls (id_campaign, phone, status, retries, dnc) VALUES (?, ?, 'Placing', 0, 0)";

    private record Campaign(int id, String name, String queue, String trunk, String status) {}

    private final Jdbc jdbc;

    public JdbcClickToCallStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Outcome create(Optional<Integer> campaignId, List<String> agentQueues, String phone) {
        Optional<Campaign> chosen;
        if (campaignId.isPresent()) {
            chosen = jdbc.first(CAMPAIGN, JdbcClickToCallStore::campaign, campaignId.get());
            if (chosen.isEmpty()) {
                return new Outcome.Refused(404, "Campaign not found");
            }
            if (!chosen.get().status().equals("A")) {
                return new Outcome.Refused(417, "Campaign not active");
            }
        } else {
            List<Campaign> active = jdbc.list(ACTIVE, JdbcClickToCallStore::campaign).stream()
                    .filter(c -> agentQueues.contains(c.queue())).toList();
            if (active.size() != 1) {
                return new Outcome.Refused(400, active.isEmpty()
                        ? "campaign_id missing: the agent is in no active outgoing campaign"
                        : "campaign_id missing: the agent is in " + active.size() + " active outgoing campaigns");
            }
            chosen = Optional.of(active.get(0));
        }
        Campaign campaign = chosen.get();
        long callId = jdbc.insert(INSERT_CALL, campaign.id(), phone);
        return new Outcome.Created(new NewCall(callId, campaign.id(), campaign.name(), campaign.queue(),
                campaign.trunk()));
    }

    private static Campaign campaign(java.sql.ResultSet row) throws java.sql.SQLException {
        String trunk = row.getString("trunk");
        return new Campaign(row.getInt("id"), row.getString("name"), row.getString("queue"),
                trunk == null ? "" : trunk, row.getString("estatus"));
    }
}
