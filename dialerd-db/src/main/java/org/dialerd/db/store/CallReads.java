package org.dialerd.db.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.CallStore.CallAttribute;
import org.dialerd.core.store.CallStore.Contact;
import org.dialerd.core.store.CallStore.IncomingCall;
import org.dialerd.core.store.CallStore.OutgoingCall;
import org.dialerd.core.store.CallStore.SurveyValue;

/**
 * getcallinfo's read: a call with everything that hangs off it in one statement, one round trip
 * (it was three for an outgoing call, four for an incoming one). The parts are the branches of a
 * {@code UNION ALL}, each on its own index, told apart by {@code part} and laid out on shared
 * columns: {@code k*} numbers, {@code s*} text, {@code t*} times. One statement is also one
 * consistent snapshot, so the parts agree without a transaction.
 */
final class CallReads {
    private static final int CALL = 0;
    private static final int ATTRIBUTE = 1;
    private static final int SURVEY = 2;
    private static final int CONTACT = 1;
    private static final int MATCHING_CONTACT = 2;
    private static final int INCOMING_SURVEY = 3;

    /** Parameters: campaign, call, call, call. Attributes in column order, the survey in form and field order. */
    static final String OUTGOING = """
            SELECT 0 AS part, c.id AS k1, c.id_campaign AS k2, c.duration AS k3, c.retries AS k4,
                   c.failure_cause AS k5, c.phone AS s1, c.status AS s2, c.uniqueid AS s3, c.failure_cause_txt AS s4,
                   CONCAT(a.type, '/', a.number) AS s5, c.trunk AS s6, c.datetime_originate AS t1,
                   c.fecha_llamada AS t2, c.datetime_entry_queue AS t3, c.start_time AS t4, c.end_time AS t5
            FROM calls c LEFT JOIN agent a ON a.id = c.id_agent
            WHERE c.id_campaign = ? AND c.id = ?
            UNION ALL
            SELECT 1, column_number, id, NULL, NULL, NULL, columna, value, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL
            FROM call_attribute WHERE id_call = ?
            UNION ALL
            SELECT 2, ff.id_form, ff.orden, ff.id, d.id, NULL, ff.etiqueta, d.value, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL
            FROM form_data_recolected d JOIN form_field ff ON ff.id = d.id_form_field
            WHERE d.id_calls = ?
            ORDER BY part, k1, k2, k3, k4""";

    /**
     * Parameters: the call four times. A call to a queue row that no longer exists is not found, as
     * in the reference (inner join); contacts matching the caller in id order.
     */
    static final String INCOMING = """
            SELECT 0 AS part, ce.id AS k1, ce.id_campaign AS k2, ce.duration AS k3, ce.id_contact AS k4,
                   ce.callerid AS s1, ce.status AS s2, ce.uniqueid AS s3, ce.trunk AS s4, q.queue AS s5,
                   CONCAT(a.type, '/', a.number) AS s6, ce.datetime_entry_queue AS t1, ce.datetime_init AS t2,
                   ce.datetime_end AS t3
            FROM call_entry ce
            JOIN queue_call_entry q ON q.id = ce.id_queue_call_entry
            LEFT JOIN agent a ON a.id = ce.id_agent
            WHERE ce.id = ?
            UNION ALL
            SELECT 1, ct.id, NULL, NULL, NULL, ct.name, ct.apellido, ct.telefono, ct.cedula_ruc, ct.origen, NULL,
                   NULL, NULL, NULL
            FROM call_entry ce JOIN contact ct ON ct.id = ce.id_contact WHERE ce.id = ?
            UNION ALL
            SELECT 2, ct.id, NULL, NULL, NULL, ct.name, ct.apellido, ct.telefono, ct.cedula_ruc, ct.origen, NULL,
                   NULL, NULL, NULL
            FROM call_entry ce JOIN contact ct ON ct.telefono = ce.callerid WHERE ce.id = ?
            UNION ALL
            SELECT 3, ff.id_form, ff.orden, ff.id, d.id, ff.etiqueta, d.value, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL
            FROM form_data_recolected_entry d JOIN form_field ff ON ff.id = d.id_form_field
            WHERE d.id_call_entry = ?
            ORDER BY part, k1, k2, k3, k4""";

    private final Jdbc jdbc;

    CallReads(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OutgoingCall> outgoing(long campaignId, long callId) {
        Parts parts = new Parts();
        jdbc.list(OUTGOING, row -> parts.add(row.getInt("part"), row), campaignId, callId, callId, callId);
        return parts.call.map(row -> row.outgoing(parts.attributes, parts.survey));
    }

    Optional<IncomingCall> incoming(long callId) {
        Parts parts = new Parts();
        jdbc.list(INCOMING, row -> parts.addIncoming(row.getInt("part"), row), callId, callId, callId, callId);
        return parts.call.map(row -> row.incoming(parts.contact, parts.contacts, parts.survey));
    }

    /** The rows of one read, sorted into their parts as they arrive. */
    private static final class Parts {
        Optional<CallRow> call = Optional.empty();
        final List<CallAttribute> attributes = new ArrayList<>();
        final List<SurveyValue> survey = new ArrayList<>();
        Optional<Contact> contact = Optional.empty();
        final List<Contact> contacts = new ArrayList<>();

        Void add(int part, ResultSet row) throws SQLException {
            switch (part) {
                case CALL -> call = Optional.of(CallRow.outgoing(row));
                case ATTRIBUTE -> attributes.add(new CallAttribute(row.getString("s1"), row.getString("s2"),
                        row.getLong("k1")));
                case SURVEY -> survey.add(survey(row));
                default -> throw new SQLException("unknown part " + part + " of an outgoing call");
            }
            return null;
        }

        Void addIncoming(int part, ResultSet row) throws SQLException {
            switch (part) {
                case CALL -> call = Optional.of(CallRow.incoming(row));
                case CONTACT -> contact = Optional.of(contact(row));
                case MATCHING_CONTACT -> contacts.add(contact(row));
                case INCOMING_SURVEY -> survey.add(survey(row));
                default -> throw new SQLException("unknown part " + part + " of an incoming call");
            }
            return null;
        }

        /** k1 = form, k3 = field (k2 is the field's order, k4 the value's id: sort keys only). */
        private static SurveyValue survey(ResultSet row) throws SQLException {
            return new SurveyValue(row.getLong("k1"), row.getLong("k3"), row.getString("s1"), row.getString("s2"));
        }

        private static Contact contact(ResultSet row) throws SQLException {
            return new Contact(row.getLong("k1"), row.getString("s1"), row.getString("s2"), row.getString("s3"),
                    row.getString("s4"), row.getString("s5"));
        }
    }

    /** The call's own row, kept until its lists are complete. */
    private record CallRow(long id, Long campaignId, String phone, String status, String uniqueId, Long duration,
                           long retries, Long failureCause, String failureCauseText, String agentChannel,
                           String trunk, String queue, Long contactId, LocalDateTime[] times) {
        static CallRow outgoing(ResultSet row) throws SQLException {
            return new CallRow(row.getLong("k1"), row.getLong("k2"), row.getString("s1"), row.getString("s2"),
                    row.getString("s3"), nullableLong(row, "k3"), row.getLong("k4"), nullableLong(row, "k5"),
                    row.getString("s4"), row.getString("s5"), row.getString("s6"), null, null,
                    times(row, 5));
        }

        static CallRow incoming(ResultSet row) throws SQLException {
            return new CallRow(row.getLong("k1"), nullableLong(row, "k2"), row.getString("s1"), row.getString("s2"),
                    row.getString("s3"), nullableLong(row, "k3"), 0, null, null, row.getString("s6"),
                    row.getString("s4"), row.getString("s5"), nullableLong(row, "k4"), times(row, 3));
        }

        OutgoingCall outgoing(List<CallAttribute> attributes, List<SurveyValue> survey) {
            return new OutgoingCall(id, campaignId, phone, status, uniqueId, duration, times[0], times[1], times[2],
                    times[3], times[4], retries, failureCause, failureCauseText, agentChannel, trunk, attributes,
                    survey);
        }

        IncomingCall incoming(Optional<Contact> contact, List<Contact> contacts, List<SurveyValue> survey) {
            // A contact id whose row is gone reads as no contact, as the separate lookup did.
            return new IncomingCall(id, campaignId, phone, status, uniqueId, duration, times[0], times[1], times[2],
                    trunk, queue, agentChannel, contactId == null ? Optional.empty() : contact, contacts, survey);
        }

        private static LocalDateTime[] times(ResultSet row, int count) throws SQLException {
            LocalDateTime[] times = new LocalDateTime[count];
            for (int i = 0; i < count; i++) {
                times[i] = row.getObject("t" + (i + 1), LocalDateTime.class);
            }
            return times;
        }

        private static Long nullableLong(ResultSet row, String column) throws SQLException {
            long value = row.getLong(column);
            return row.wasNull() ? null : value;
        }
    }
}
