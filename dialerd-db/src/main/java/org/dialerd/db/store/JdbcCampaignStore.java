package org.dialerd.db.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dialerd.core.store.CampaignStore;

/**
 * {@code campaign}, {@code campaign_entry}, {@code queue_call_entry}, {@code campaign_external_url},
 * the form links and {@code form}/{@code form_field}, read the way the reference daemon reads them.
 */
public final class JdbcCampaignStore implements CampaignStore {
    private static final String OUTGOING_CAMPAIGN = """
            SELECT c.id, c.name, c.datetime_init, c.datetime_end, c.daytime_init, c.daytime_end, c.queue,
                   c.retries, c.trunk, c.context, c.max_canales, c.estatus, c.script, u.urltemplate, u.opentype
            FROM campaign c
            LEFT JOIN campaign_external_url u ON u.id = c.id_url AND u.active = 1
            WHERE c.id = ?""";
    private static final String INCOMING_CAMPAIGN = """
            SELECT c.id, c.name, c.datetime_init, c.datetime_end, c.daytime_init, c.daytime_end, q.queue,
                   c.estatus, c.script, c.id_form, u.urltemplate, u.opentype
            FROM campaign_entry c
            JOIN queue_call_entry q ON q.id = c.id_queue_call_entry
            LEFT JOIN campaign_external_url u ON u.id = c.id_url AND u.active = 1
            WHERE c.id = ?""";
    private static final String OUTGOING_FORMS =
            "SELECT DISTINCT id_form FROM campaign_form WHERE id_campaign = ? ORDER BY id_form";
    private static final String INCOMING_FORMS =
            "SELECT DISTINCT id_form FROM campaign_form_entry WHERE id_campaign = ? ORDER BY id_form";
    private static final String FORM_FIELDS =
            "SELECT id, orden, etiqueta, tipo, value FROM form_field WHERE id_form = ? ORDER BY orden, id";
    private static final String FORM = "SELECT nombre, descripcion, estatus FROM form WHERE id = ?";

    private final Jdbc jdbc;

    public JdbcCampaignStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CampaignSummary> findCampaigns(CampaignQuery query) {
        List<String> selects = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (CampaignType type : List.of(CampaignType.INCOMING, CampaignType.OUTGOING)) {
            if (query.types().contains(type)) {
                selects.add(campaignSelect(type, query, parameters));
            }
        }
        if (selects.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT campaign_type, id, name, estatus FROM (" + String.join(" UNION ALL ", selects)
                + ") AS c ORDER BY campaign_type, id" + limitClause(query.page(), parameters);
        return jdbc.list(sql, row -> new CampaignSummary(
                        CampaignType.valueOf(row.getString("campaign_type")), row.getInt("id"),
                        row.getString("name"), row.getString("estatus")),
                parameters.toArray());
    }

    /** One branch of the union; the campaign_type literal sorts incoming before outgoing. */
    private static String campaignSelect(CampaignType type, CampaignQuery query, List<Object> parameters) {
        StringBuilder sql = new StringBuilder(type == CampaignType.INCOMING
                ? "SELECT 'INCOMING' AS campaign_type, id, name, estatus FROM campaign_entry"
                : "SELECT 'OUTGOING' AS campaign_type, id, name, estatus FROM campaign");
        List<String> conditions = new ArrayList<>();
        query.nameContains().ifPresent(text -> {
            conditions.add("name LIKE ?");
            parameters.add("%" + text + "%");
        });
        query.status().ifPresent(status -> {
            conditions.add("estatus = ?");
            parameters.add(status);
        });
        query.startsOnOrAfter().ifPresent(date -> {
            conditions.add("datetime_init >= ?");
            parameters.add(date);
        });
        query.startsBefore().ifPresent(date -> {
            conditions.add("datetime_init < ?");
            parameters.add(date);
        });
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        return sql.toString();
    }

    @Override
    public List<IncomingQueue> findIncomingQueues(Page page) {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT id, queue, estatus FROM queue_call_entry ORDER BY id" + limitClause(page, parameters);
        return jdbc.list(sql, row -> new IncomingQueue(row.getInt("id"),
                Optional.ofNullable(row.getString("queue")), row.getString("estatus")), parameters.toArray());
    }

    @Override
    public Optional<String> findQueueScript(String queue) {
        return jdbc.first("SELECT script FROM queue_call_entry WHERE queue = ? ORDER BY estatus, id LIMIT 1",
                row -> Optional.ofNullable(row.getString("script")).orElse(""), queue);
    }

    @Override
    public Optional<Campaign> findCampaign(CampaignType type, long id) {
        String sql = type == CampaignType.OUTGOING ? OUTGOING_CAMPAIGN : INCOMING_CAMPAIGN;
        String formsSql = type == CampaignType.OUTGOING ? OUTGOING_FORMS : INCOMING_FORMS;
        return jdbc.reading(connection -> {
            Optional<CampaignRow> found = Jdbc.list(connection, sql, row -> campaignRow(type, row), id)
                    .stream().findFirst();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            CampaignRow row = found.get();
            List<Integer> formIds = new ArrayList<>(Jdbc.list(connection, formsSql, r -> r.getInt(1), id));
            // The legacy campaign_entry.id_form comes after the linked forms, as in the reference.
            row.legacyFormId().filter(formId -> !formIds.contains(formId)).ifPresent(formIds::add);
            return Optional.of(row.campaign().withForms(forms(connection, formIds)));
        });
    }

    /** A campaign row before its forms are read. */
    private record CampaignRow(Campaign campaign, Optional<Integer> legacyFormId) {}

    private static CampaignRow campaignRow(CampaignType type, ResultSet row) throws SQLException {
        Optional<Dialing> dialing = Optional.empty();
        Optional<Integer> legacyFormId = Optional.empty();
        if (type == CampaignType.OUTGOING) {
            dialing = Optional.of(new Dialing(row.getLong("retries"), Optional.ofNullable(row.getString("trunk")),
                    row.getString("context"), row.getLong("max_canales")));
        } else {
            legacyFormId = Optional.ofNullable(Jdbc.nullableInt(row, "id_form"));
        }
        String template = row.getString("urltemplate");
        Optional<ExternalUrl> url = template == null
                ? Optional.empty()
                : Optional.of(new ExternalUrl(template, row.getString("opentype")));
        Campaign campaign = new Campaign(type, row.getInt("id"), row.getString("name"),
                row.getObject("datetime_init", LocalDate.class), row.getObject("datetime_end", LocalDate.class),
                row.getObject("daytime_init", LocalTime.class), row.getObject("daytime_end", LocalTime.class),
                Optional.ofNullable(row.getString("queue")), row.getString("estatus"), row.getString("script"),
                dialing, url, List.of());
        return new CampaignRow(campaign, legacyFormId);
    }

    /** The forms in the given order, leaving out those without fields (the reference does not list them). */
    private static List<Form> forms(Connection connection, List<Integer> formIds) throws SQLException {
        List<Form> forms = new ArrayList<>();
        for (int formId : formIds) {
            List<FormField> fields = Jdbc.list(connection, FORM_FIELDS, row -> new FormField(row.getInt("id"),
                    row.getInt("orden"), row.getString("etiqueta"), row.getString("tipo"), row.getString("value")),
                    formId);
            if (fields.isEmpty()) {
                continue;
            }
            Form form = Jdbc.list(connection, FORM, row -> new Form(formId, row.getString("nombre"),
                            row.getString("descripcion"), row.getString("estatus"), fields), formId)
                    .stream().findFirst()
                    .orElseGet(() -> new Form(formId, "", "", "", fields));
            forms.add(form);
        }
        return forms;
    }

    @Override
    public QueueWait queueWait(CampaignType type, long campaignId) {
        String answered;
        String abandoned;
        if (type == CampaignType.OUTGOING) {
            answered = "SELECT duration_wait, COUNT(*) AS n FROM calls"
                    + " WHERE id_campaign = ? AND status = 'Success' GROUP BY duration_wait";
            abandoned = "SELECT COUNT(*) FROM calls WHERE id_campaign = ? AND status = 'Abandoned'";
        } else {
            answered = "SELECT duration_wait, COUNT(*) AS n FROM call_entry"
                    + " WHERE id_campaign = ? AND status IN ('activa', 'terminada') GROUP BY duration_wait";
            abandoned = "SELECT COUNT(*) FROM call_entry WHERE id_campaign = ? AND status = 'abandonada'";
        }
        return jdbc.reading(connection -> new QueueWait(
                Jdbc.list(connection, answered, row -> {
                    long wait = row.getLong("duration_wait");
                    return new WaitCount(row.wasNull() ? OptionalLong.empty() : OptionalLong.of(wait),
                            row.getLong("n"));
                }, campaignId),
                Jdbc.list(connection, abandoned, row -> row.getLong(1), campaignId).get(0)));
    }

    /** {@code LIMIT ? OFFSET ?} with its parameters, or nothing when the page has no limit. */
    private static String limitClause(Page page, List<Object> parameters) {
        if (page.limit().isEmpty()) {
            return "";
        }
        parameters.add(page.limit().getAsLong());
        parameters.add(page.offset());
        return " LIMIT ? OFFSET ?";
    }
}
