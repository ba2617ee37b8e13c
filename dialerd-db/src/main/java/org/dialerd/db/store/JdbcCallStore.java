package org.dialerd.db.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.CallStore;

/**
 * Outgoing calls ({@code calls}), incoming calls ({@code call_entry}) and what hangs off them:
 * attributes, contacts, collected form data. A call's parts are read in one transaction so
 * they agree with each other.
 */
public final class JdbcCallStore implements CallStore {
    private static final String OUTGOING_CALL = """
            SELECT c.id, c.id_campaign, c.phone, c.status, c.uniqueid, c.duration, c.datetime_originate,
                   c.fecha_llamada, c.datetime_entry_queue, c.start_time, c.end_time, c.retries,
                   c.failure_cause, c.failure_cause_txt, CONCAT(a.type, '/', a.number) AS agent_channel, c.trunk
            FROM calls c LEFT JOIN agent a ON a.id = c.id_agent
            WHERE c.id_campaign = ? AND c.id = ?""";
    private static final String CALL_ATTRIBUTES =
            "SELECT columna, value, column_number FROM call_attribute WHERE id_call = ? ORDER BY column_number, id";
    // A call to a queue row that no longer exists is not found, as in the reference (inner join).
    private static final String INCOMING_CALL = """
            SELECT ce.id, ce.id_campaign, ce.callerid, ce.status, ce.uniqueid, ce.duration,
                   ce.datetime_entry_queue, ce.datetime_init, ce.datetime_end, ce.trunk, q.queue, ce.id_contact,
                   CONCAT(a.type, '/', a.number) AS agent_channel
            FROM call_entry ce
            JOIN queue_call_entry q ON q.id = ce.id_queue_call_entry
            LEFT JOIN agent a ON a.id = ce.id_agent
            WHERE ce.id = ?""";
    private static final String CONTACT_COLUMNS =
            "SELECT id, name, apellido, telefono, cedula_ruc, origen FROM contact";
    private static final String FORM_FIELDS_OF = "SELECT id, id_form, etiqueta, value, tipo, orden FROM form_field"
            + " WHERE id_form IN (%s) ORDER BY id_form, orden, id";

    /** Where each call type keeps its rows and its collected form data. */
    private enum Tables {
        OUTGOING(
                "SELECT id_agent FROM calls WHERE id = ?",
                "SELECT id FROM calls WHERE id = ? FOR UPDATE",
                "SELECT ff.id_form, ff.id, ff.etiqueta, d.value FROM form_data_recolected d"
                        + " JOIN form_field ff ON ff.id = d.id_form_field"
                        + " WHERE d.id_calls = ? ORDER BY ff.id_form, ff.orden, ff.id, d.id",
                "SELECT COUNT(*) FROM form_data_recolected WHERE id_calls = ? AND id_form_field = ?",
                "UPDATE form_data_recolected SET value = ? WHERE id_calls = ? AND id_form_field = ?",
                "INSERT INTO form_data_recolected (value, id_calls, id_form_field) VALUES (?, ?, ?)"),
        INCOMING(
                "SELECT id_agent FROM call_entry WHERE id = ?",
                "SELECT id FROM call_entry WHERE id = ? FOR UPDATE",
                "SELECT ff.id_form, ff.id, ff.etiqueta, d.value FROM form_data_recolected_entry d"
                        + " JOIN form_field ff ON ff.id = d.id_form_field"
                        + " WHERE d.id_call_entry = ? ORDER BY ff.id_form, ff.orden, ff.id, d.id",
                "SELECT COUNT(*) FROM form_data_recolected_entry WHERE id_call_entry = ? AND id_form_field = ?",
                "UPDATE form_data_recolected_entry SET value = ? WHERE id_call_entry = ? AND id_form_field = ?",
                "INSERT INTO form_data_recolected_entry (value, id_call_entry, id_form_field) VALUES (?, ?, ?)");

        final String callAgent;
        final String lockCall;
        final String survey;
        final String countValues;
        final String updateValue;
        final String insertValue;

        Tables(String callAgent, String lockCall, String survey, String countValues, String updateValue,
               String insertValue) {
            this.callAgent = callAgent;
            this.lockCall = lockCall;
            this.survey = survey;
            this.countValues = countValues;
            this.updateValue = updateValue;
            this.insertValue = insertValue;
        }

        static Tables of(CallType type) {
            return type == CallType.INCOMING ? INCOMING : OUTGOING;
        }
    }

    private final Jdbc jdbc;

    public JdbcCallStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A call row already read; its lists are read once the row's result set is closed. */
    @FunctionalInterface
    private interface Pending<T> {
        T complete(Connection connection) throws SQLException;
    }

    @Override
    public Optional<OutgoingCall> findOutgoing(long campaignId, long callId) {
        return jdbc.reading(connection -> first(connection,
                Jdbc.list(connection, OUTGOING_CALL, JdbcCallStore::outgoingCall, campaignId, callId)));
    }

    private static Pending<OutgoingCall> outgoingCall(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        long campaignId = row.getLong("id_campaign");
        String phone = row.getString("phone");
        String status = row.getString("status");
        String uniqueId = row.getString("uniqueid");
        Long duration = nullableLong(row, "duration");
        LocalDateTime originate = dateTime(row, "datetime_originate");
        LocalDateTime originateResponse = dateTime(row, "fecha_llamada");
        LocalDateTime joined = dateTime(row, "datetime_entry_queue");
        LocalDateTime linkStart = dateTime(row, "start_time");
        LocalDateTime linkEnd = dateTime(row, "end_time");
        long retries = row.getLong("retries");
        Long failureCause = nullableLong(row, "failure_cause");
        String failureCauseText = row.getString("failure_cause_txt");
        String agentChannel = row.getString("agent_channel");
        String trunk = row.getString("trunk");
        return connection -> new OutgoingCall(id, campaignId, phone, status, uniqueId, duration, originate,
                originateResponse, joined, linkStart, linkEnd, retries, failureCause, failureCauseText,
                agentChannel, trunk,
                Jdbc.list(connection, CALL_ATTRIBUTES, attribute -> new CallAttribute(attribute.getString("columna"),
                        attribute.getString("value"), attribute.getLong("column_number")), id),
                survey(connection, Tables.OUTGOING, id));
    }

    @Override
    public Optional<IncomingCall> findIncoming(long callId) {
        return jdbc.reading(connection -> first(connection,
                Jdbc.list(connection, INCOMING_CALL, JdbcCallStore::incomingCall, callId)));
    }

    private static Pending<IncomingCall> incomingCall(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        Long campaignId = nullableLong(row, "id_campaign");
        String phone = row.getString("callerid");
        String status = row.getString("status");
        String uniqueId = row.getString("uniqueid");
        Long duration = nullableLong(row, "duration");
        LocalDateTime joined = dateTime(row, "datetime_entry_queue");
        LocalDateTime linkStart = dateTime(row, "datetime_init");
        LocalDateTime linkEnd = dateTime(row, "datetime_end");
        String trunk = row.getString("trunk");
        String queue = row.getString("queue");
        String agentChannel = row.getString("agent_channel");
        Long contactId = nullableLong(row, "id_contact");
        return connection -> new IncomingCall(id, campaignId, phone, status, uniqueId, duration, joined, linkStart,
                linkEnd, trunk, queue, agentChannel,
                contactId == null ? Optional.empty()
                        : Jdbc.list(connection, CONTACT_COLUMNS + " WHERE id = ?", JdbcCallStore::contact, contactId)
                                .stream().findFirst(),
                Jdbc.list(connection, CONTACT_COLUMNS + " WHERE telefono = ? ORDER BY id", JdbcCallStore::contact,
                        phone),
                survey(connection, Tables.INCOMING, id));
    }

    @Override
    public List<Contact> contactsByPhone(String phone) {
        return jdbc.list(CONTACT_COLUMNS + " WHERE telefono = ? ORDER BY id", JdbcCallStore::contact, phone);
    }

    private static <T> Optional<T> first(Connection connection, List<Pending<T>> rows) throws SQLException {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).complete(connection));
    }

    private static Contact contact(ResultSet row) throws SQLException {
        return new Contact(row.getLong("id"), row.getString("name"), row.getString("apellido"),
                row.getString("telefono"), row.getString("cedula_ruc"), row.getString("origen"));
    }

    private static List<SurveyValue> survey(Connection connection, Tables tables, long callId) throws SQLException {
        return Jdbc.list(connection, tables.survey, row -> new SurveyValue(row.getLong("id_form"), row.getLong("id"),
                row.getString("etiqueta"), row.getString("value")), callId);
    }

    @Override
    public Optional<CallAgent> findCallAgent(CallType type, long callId) {
        return jdbc.first(Tables.of(type).callAgent, row -> new CallAgent(nullableLong(row, "id_agent")), callId);
    }

    @Override
    public boolean contactExists(long contactId) {
        return jdbc.first("SELECT id FROM contact WHERE id = ?", row -> row.getLong(1), contactId).isPresent();
    }

    @Override
    public void assignContact(long callId, long contactId) {
        jdbc.update("UPDATE call_entry SET id_contact = ? WHERE id = ?", contactId, callId);
    }

    @Override
    public List<FormField> findFormFields(Collection<Long> formIds) {
        if (formIds.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(formIds.size(), "?"));
        return jdbc.list(FORM_FIELDS_OF.formatted(placeholders),
                row -> new FormField(row.getLong("id"), row.getLong("id_form"), row.getString("etiqueta"),
                        row.getString("value"), row.getString("tipo"), row.getLong("orden")),
                formIds.toArray());
    }

    @Override
    public void saveFormValues(CallType type, long callId, List<FieldValue> values) {
        if (values.isEmpty()) {
            return;
        }
        Tables tables = Tables.of(type);
        jdbc.inTransaction(connection -> {
            // Saves for one call take turns, so two of them cannot both insert the same field.
            Jdbc.list(connection, tables.lockCall, row -> row.getLong(1), callId);
            for (FieldValue value : values) {
                long stored = Jdbc.list(connection, tables.countValues, row -> row.getLong(1),
                        callId, value.fieldId()).get(0);
                Jdbc.update(connection, stored > 0 ? tables.updateValue : tables.insertValue,
                        value.value(), callId, value.fieldId());
            }
            return null;
        });
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static LocalDateTime dateTime(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDateTime.class);
    }
}
