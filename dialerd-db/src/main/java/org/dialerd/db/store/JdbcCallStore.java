package org.dialerd.db.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.CallStore;

/**
 * Outgoing calls ({@code calls}), incoming calls ({@code call_entry}) and what hangs off them:
 * attributes, contacts, collected form data. A call and its parts are read in one statement
 * ({@link CallReads}), so they agree with each other.
 */
public final class JdbcCallStore implements CallStore {
    private static final String CONTACT_COLUMNS =
            "SELECT id, name, apellido, telefono, cedula_ruc, origen FROM contact";
    private static final String FORM_FIELDS_OF = "SELECT id, id_form, etiqueta, value, tipo, orden FROM form_field"
            + " WHERE id_form IN (%s) ORDER BY id_form, orden, id";

    /** Where each call type keeps its rows and its collected form data. */
    private enum Tables {
        OUTGOING(
                "SELECT id_agent FROM calls WHERE id = ?",
                "SELECT id FROM calls WHERE id = ? FOR UPDATE",
                "SELECT COUNT(*) FROM form_data_recolected WHERE id_calls = ? AND id_form_field = ?",
                "UPDATE form_data_recolected SET value = ? WHERE id_calls = ? AND id_form_field = ?",
                "INSERT INTO form_data_recolected (value, id_calls, id_form_field) VALUES (?, ?, ?)"),
        INCOMING(
                "SELECT id_agent FROM call_entry WHERE id = ?",
                "SELECT id FROM call_entry WHERE id = ? FOR UPDATE",
                "SELECT COUNT(*) FROM form_data_recolected_entry WHERE id_call_entry = ? AND id_form_field = ?",
                "UPDATE form_data_recolected_entry SET value = ? WHERE id_call_entry = ? AND id_form_field = ?",
                "INSERT INTO form_data_recolected_entry (value, id_call_entry, id_form_field) VALUES (?, ?, ?)");

        final String callAgent;
        final String lockCall;
        final String countValues;
        final String updateValue;
        final String insertValue;

        Tables(String callAgent, String lockCall, String countValues, String updateValue, String insertValue) {
            this.callAgent = callAgent;
            this.lockCall = lockCall;
            this.countValues = countValues;
            this.updateValue = updateValue;
            this.insertValue = insertValue;
        }

        static Tables of(CallType type) {
            return type == CallType.INCOMING ? INCOMING : OUTGOING;
        }
    }

    private final Jdbc jdbc;
    private final CallReads reads;

    public JdbcCallStore(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.reads = new CallReads(jdbc);
    }

    /** One statement: the call, its attributes and its survey ({@link CallReads}). */
    @Override
    public Optional<OutgoingCall> findOutgoing(long campaignId, long callId) {
        return reads.outgoing(campaignId, callId);
    }

    /** One statement: the call, its contact, the contacts matching its caller, its survey. */
    @Override
    public Optional<IncomingCall> findIncoming(long callId) {
        return reads.incoming(callId);
    }

    @Override
    public List<Contact> contactsByPhone(String phone) {
        return jdbc.list(CONTACT_COLUMNS + " WHERE telefono = ? ORDER BY id", JdbcCallStore::contact, phone);
    }

    private static Contact contact(ResultSet row) throws SQLException {
        return new Contact(row.getLong("id"), row.getString("name"), row.getString("apellido"),
                row.getString("telefono"), row.getString("cedula_ruc"), row.getString("origen"));
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
}
