package org.dialerd.it.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CallStore.CallType;
import org.dialerd.core.store.CallStore.FieldValue;
import org.dialerd.core.store.StoreException;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcCallStore;
import org.dialerd.db.testing.CountingDataSource;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.testdata.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The call repository on the trace seed; each test uses its own calls. */
class JdbcCallStoreIT {
    private static DataSource dataSource;
    private static CountingDataSource counting;
    private static CallStore calls;

    @BeforeAll
    static void load() {
        dataSource = TestDatabases.fresh(TestData.eccpTraces().resolve("seed/call_center-data.sql").toString());
        counting = new CountingDataSource(dataSource);
        calls = new JdbcCallStore(new Jdbc(counting.dataSource()));
    }

    @Test
    void readsAnOutgoingCallAndAllItsPartsInOneStatement() {
        counting.reset();
        CallStore.OutgoingCall call = calls.findOutgoing(1, 1001).orElseThrow();

        assertEquals(1, counting.executed().size(), counting.executed().toString());
        assertEquals(4, call.attributes().size());
        assertEquals(6, call.survey().size());
    }

    @Test
    void readsAnIncomingCallWithItsContactsAndSurveyInOneStatement() {
        counting.reset();
        CallStore.IncomingCall call = calls.findIncoming(3).orElseThrow();

        assertEquals(1, counting.executed().size(), counting.executed().toString());
        assertEquals(2, call.matchingContacts().size());
    }

    @Test
    void failingValueRollsBackTheWholeSave() throws SQLException {
        // Field 9999 does not exist: its insert breaks the foreign key after two good writes.
        List<FieldValue> values = List.of(new FieldValue(1, "changed"), new FieldValue(7, "12.00"),
                new FieldValue(9999, "x"));

        assertThrows(StoreException.class, () -> calls.saveFormValues(CallType.OUTGOING, 1001, values));

        assertEquals(List.of("1=Zoila Chacha", "2=bbb", "3=2026-11-30", "4=Muy atento & rápido", "6=Cuenca",
                "8=Tarjeta"), values("SELECT id_form_field, value FROM form_data_recolected WHERE id_calls = ?"
                + " ORDER BY id_form_field", 1001));
    }

    @Test
    void readsAnOutgoingCallWithItsAttributesAndSurvey() {
        CallStore.OutgoingCall call = calls.findOutgoing(1, 1001).orElseThrow();

        assertEquals("Agent/9000", call.agentChannel());
        assertEquals(LocalDateTime.parse("2026-11-21T10:00:05"), call.originateResponse());
        assertEquals(List.of("Nombre", "Apellido", "Cédula", "Nota"),
                call.attributes().stream().map(CallStore.CallAttribute::label).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L, 8L),
                call.survey().stream().map(CallStore.SurveyValue::fieldId).toList());
        assertEquals(Optional.empty(), calls.findOutgoing(2, 1001));
    }

    @Test
    void readsAnIncomingCallWithItsContacts() {
        CallStore.IncomingCall call = calls.findIncoming(3).orElseThrow();

        assertEquals(Long.valueOf(1), call.campaignId());
        assertEquals("8001", call.queue());
        assertEquals(null, call.agentChannel());
        assertEquals(Optional.empty(), call.contact());
        assertEquals(List.of(1L, 2L), call.matchingContacts().stream().map(CallStore.Contact::id).toList());
    }

    @Test
    void assignsAContactToAnIncomingCall() {
        assertTrue(calls.contactExists(2));
        assertFalse(calls.contactExists(99));

        calls.assignContact(6, 2);

        assertEquals(2, calls.findIncoming(6).orElseThrow().contact().orElseThrow().id());
    }

    @Test
    void tellsWhoTookACall() {
        assertTrue(calls.findCallAgent(CallType.INCOMING, 4).orElseThrow().answeredBy(2));
        assertFalse(calls.findCallAgent(CallType.INCOMING, 3).orElseThrow().answeredBy(1));
        assertTrue(calls.findCallAgent(CallType.OUTGOING, 1003).isPresent());
        assertEquals(Optional.empty(), calls.findCallAgent(CallType.OUTGOING, 99999));
    }

    private static List<String> values(String sql, long callId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, callId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1) + "=" + rows.getString(2));
                }
            }
            return values;
        }
    }
}
