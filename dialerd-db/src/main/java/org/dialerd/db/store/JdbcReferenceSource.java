package org.dialerd.db.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.store.BreakStore.Break;
import org.dialerd.core.store.CallStore.FormField;
import org.dialerd.core.store.reference.Fingerprint;
import org.dialerd.core.store.reference.ReferenceRows;
import org.dialerd.core.store.reference.ReferenceRows.FormLink;
import org.dialerd.core.store.reference.ReferenceRows.FormRow;
import org.dialerd.core.store.reference.ReferenceRows.IncomingCampaignRow;
import org.dialerd.core.store.reference.ReferenceRows.OutgoingCampaignRow;
import org.dialerd.core.store.reference.ReferenceRows.QueueRow;
import org.dialerd.core.store.reference.ReferenceRows.UrlRow;
import org.dialerd.core.store.reference.ReferenceSource;
import org.dialerd.core.store.reference.ReferenceTable;

/**
 * The reference tables read whole, and their fingerprints in one UNION ALL query: per table
 * {@code COUNT(*)}, {@code MAX(id)} and {@code BIT_XOR(CRC32(CONCAT_WS(...)))} over the columns
 * dialerd reads (NULL written as {@code \N} so it differs from the empty string). A full scan of
 * each table, cheap for the hundreds or thousands of rows a call center configures (see
 * docs/benchmarks.md for the measured cost).
 */
public final class JdbcReferenceSource implements ReferenceSource {
    /** The columns dialerd reads, the first one the id (MAX of it is part of the fingerprint). */
    static final Map<ReferenceTable, List<String>> COLUMNS = columns();
    static final String FINGERPRINTS = fingerprintSql();

    private final Jdbc jdbc;
    private final JdbcAgentStore agents;
    private final JdbcBreakStore breaks;

    public JdbcReferenceSource(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.agents = new JdbcAgentStore(jdbc);
        this.breaks = new JdbcBreakStore(jdbc);
    }

    private static Map<ReferenceTable, List<String>> columns() {
        Map<ReferenceTable, List<String>> columns = new EnumMap<>(ReferenceTable.class);
        columns.put(ReferenceTable.AGENT, List.of("id", "type", "number", "name", "estatus", "eccp_password"));
        columns.put(ReferenceTable.BREAK, List.of("id", "name", "description", "status", "tipo"));
        columns.put(ReferenceTable.CAMPAIGN, List.of("id", "name", "datetime_init", "datetime_end", "daytime_init",
                "daytime_end", "queue", "retries", "trunk", "context", "max_canales", "estatus", "script", "id_url"));
        columns.put(ReferenceTable.CAMPAIGN_ENTRY, List.of("id", "name", "id_queue_call_entry", "id_form",
                "datetime_init", "datetime_end", "daytime_init", "daytime_end", "estatus", "script", "id_url"));
        columns.put(ReferenceTable.QUEUE_CALL_ENTRY, List.of("id", "queue", "estatus", "script"));
        columns.put(ReferenceTable.CAMPAIGN_EXTERNAL_URL, List.of("id", "urltemplate", "active", "opentype"));
        columns.put(ReferenceTable.FORM, List.of("id", "nombre", "descripcion", "estatus"));
        columns.put(ReferenceTable.FORM_FIELD, List.of("id", "id_form", "etiqueta", "value", "tipo", "orden"));
        columns.put(ReferenceTable.CAMPAIGN_FORM, List.of("id_campaign", "id_form"));
        columns.put(ReferenceTable.CAMPAIGN_FORM_ENTRY, List.of("id_campaign", "id_form"));
        return Map.copyOf(columns);
    }

    private static String fingerprintSql() {
        return java.util.Arrays.stream(ReferenceTable.values()).map(table -> {
            List<String> columns = COLUMNS.get(table);
            String row = columns.stream().map(c -> "IFNULL(`" + c + "`, '\\\\N')")
                    .collect(Collectors.joining(", ", "CONCAT_WS(CHAR(31), ", ")"));
            return "SELECT '" + table.name() + "' AS t, COUNT(*) AS n, IFNULL(MAX(`" + columns.get(0) + "`), 0) AS m,"
                    + " IFNULL(BIT_XOR(CRC32(" + row + ")), 0) AS x FROM `" + table.tableName() + "`";
        }).collect(Collectors.joining(" UNION ALL "));
    }

    @Override
    public Map<ReferenceTable, Fingerprint> fingerprints() {
        Map<ReferenceTable, Fingerprint> fingerprints = new EnumMap<>(ReferenceTable.class);
        jdbc.list(FINGERPRINTS, row -> fingerprints.put(ReferenceTable.valueOf(row.getString("t")),
                new Fingerprint(row.getLong("n"), row.getLong("m"), row.getLong("x"))));
        return fingerprints;
    }

    @Override
    public ReferenceRows load(ReferenceTable table, ReferenceRows rows) {
        return switch (table) {
            case AGENT -> rows.withAgents(agents.findAll());
            case BREAK -> rows.withBreaks(jdbc.list("SELECT id, name, description, status, tipo FROM `break`"
                    + " WHERE tipo IS NOT NULL ORDER BY id", row -> new Break(row.getInt("id"), row.getString("name"),
                    row.getString("description"), "A".equals(row.getString("status")),
                    row.getString("tipo").charAt(0))));
            case CAMPAIGN -> rows.withOutgoing(jdbc.list("SELECT " + String.join(", ", COLUMNS.get(table))
                    + " FROM campaign ORDER BY id", JdbcReferenceSource::outgoing));
            case CAMPAIGN_ENTRY -> rows.withIncoming(jdbc.list("SELECT " + String.join(", ", COLUMNS.get(table))
                    + " FROM campaign_entry ORDER BY id", JdbcReferenceSource::incoming));
            case QUEUE_CALL_ENTRY -> rows.withQueues(jdbc.list("SELECT id, queue, estatus, script FROM queue_call_entry"
                    + " ORDER BY id", row -> new QueueRow(row.getInt("id"), Optional.ofNullable(row.getString("queue")),
                    row.getString("estatus"), Optional.ofNullable(row.getString("script")))));
            case CAMPAIGN_EXTERNAL_URL -> rows.withUrls(jdbc.list("SELECT id, urltemplate, active, opentype"
                    + " FROM campaign_external_url ORDER BY id", row -> new UrlRow(row.getInt("id"),
                    row.getString("urltemplate"), row.getInt("active") == 1, row.getString("opentype"))));
            case FORM -> rows.withForms(jdbc.list("SELECT id, nombre, descripcion, estatus FROM form ORDER BY id",
                    row -> new FormRow(row.getInt("id"), row.getString("nombre"), row.getString("descripcion"),
                            row.getString("estatus"))));
            case FORM_FIELD -> rows.withFields(jdbc.list("SELECT id, id_form, etiqueta, value, tipo, orden"
                    + " FROM form_field ORDER BY id_form, orden, id", row -> new FormField(row.getLong("id"),
                    row.getLong("id_form"), row.getString("etiqueta"), row.getString("value"), row.getString("tipo"),
                    row.getLong("orden"))));
            case CAMPAIGN_FORM -> rows.withOutgoingForms(links("campaign_form"));
            case CAMPAIGN_FORM_ENTRY -> rows.withIncomingForms(links("campaign_form_entry"));
        };
    }

    private List<FormLink> links(String table) {
        return jdbc.list("SELECT id_campaign, id_form FROM " + table + " ORDER BY id_campaign, id_form",
                row -> new FormLink(row.getInt("id_campaign"), row.getInt("id_form")));
    }

    private static OutgoingCampaignRow outgoing(ResultSet row) throws SQLException {
        return new OutgoingCampaignRow(row.getInt("id"), row.getString("name"),
                row.getObject("datetime_init", LocalDate.class), row.getObject("datetime_end", LocalDate.class),
                row.getObject("daytime_init", LocalTime.class), row.getObject("daytime_end", LocalTime.class),
                row.getString("queue"), row.getLong("retries"), Optional.ofNullable(row.getString("trunk")),
                row.getString("context"), row.getLong("max_canales"), row.getString("estatus"),
                row.getString("script"), Optional.ofNullable(Jdbc.nullableInt(row, "id_url")));
    }

    private static IncomingCampaignRow incoming(ResultSet row) throws SQLException {
        return new IncomingCampaignRow(row.getInt("id"), row.getString("name"), row.getInt("id_queue_call_entry"),
                Optional.ofNullable(Jdbc.nullableInt(row, "id_form")),
                row.getObject("datetime_init", LocalDate.class), row.getObject("datetime_end", LocalDate.class),
                row.getObject("daytime_init", LocalTime.class), row.getObject("daytime_end", LocalTime.class),
                row.getString("estatus"), row.getString("script"), Optional.ofNullable(Jdbc.nullableInt(row, "id_url")));
    }
}
