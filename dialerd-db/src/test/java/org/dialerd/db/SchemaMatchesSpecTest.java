package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.dialerd.testdata.TestData;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares the installed schema with the specification's schema (testdata/schema), every table and
 * column: type, NULL, default, AUTO_INCREMENT, order, keys and foreign keys. The allowed
 * differences are the ones docs/database.md documents.
 */
class SchemaMatchesSpecTest {

    /** Documented changes of spec columns: table.column → our COLUMN_TYPE. */
    private static final Map<String, String> CHANGED_TYPES =
            Map.of("agent.type", "enum('Agent','SIP','IAX2','PJSIP')");
    /** Documented additional indexes: table.index → columns. */
    private static final Map<String, String> ADDED_INDEXES = Map.of(
            "calls.dialerd_calls_campaign_status", "id_campaign,status",
            "calls.dialerd_calls_dialable", "id_campaign,dnc,retries,id,status,date_init,date_end,time_init,time_end",
            "calls.dialerd_calls_windowed", "id_campaign,dnc,date_init,date_end,time_init,time_end,retries,status",
            "calls.dialerd_calls_agent_dialable", "id_campaign,agent,dnc,retries,status",
            "call_progress_log.dialerd_progress_outgoing_answers",
            "id_campaign_outgoing,datetime_entry,new_status,id_call_outgoing,retry",
            "contact.dialerd_contact_telefono", "telefono");
    private static final Set<String> ADDED_TABLES = Set.of("dialerd_queue_member", "dialerd_id_block", "dialerd_id_range",
            "dialerd_journal_applied", "dialerd_campaign_options", "dialerd_queue_options", "dialerd_supervisor",
            "dialerd_supervisor_audit", "dialerd_preview_offer");

    private static Map<String, SpecTable> spec;
    private static DataSource db;

    record SpecColumn(String name, String type, boolean nullable, String defaultValue) {
    }

    record SpecTable(String name, List<SpecColumn> columns, Map<String, String> keys, Set<String> foreignKeys) {
    }

    @BeforeAll
    static void readSpecAndInstall() throws IOException {
        spec = parse(Files.readAllLines(TestData.file("schema/call-center-schema.tsv")));
        db = TestDatabases.fresh();
    }

    /** Reads the fixture's tab-separated facts (format in testdata/README.md). */
    static Map<String, SpecTable> parse(List<String> lines) {
        Map<String, SpecTable> tables = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            SpecTable table = tables.computeIfAbsent(f[1],
                    name -> new SpecTable(name, new ArrayList<>(), new TreeMap<>(), new TreeSet<>()));
            switch (f[0]) {
                case "column" -> table.columns().add(new SpecColumn(f[2], f[3], f[4].equals("NULL"), f[5]));
                case "key" -> table.keys().put(f[2], f[3]);
                case "fk" -> table.foreignKeys().add(f[2] + ": " + f[3] + " -> " + f[4]);
                default -> throw new IllegalStateException("unknown fact '" + f[0] + "' in: " + line);
            }
        }
        return tables;
    }

    @Test
    void theSpecParses() {
        assertEquals(24, spec.size(), spec.keySet().toString());
        spec.values().forEach(t -> assertFalse(t.columns().isEmpty(), t.name()));
    }

    @Test
    void createsExactlyTheSpecTablesPlusOurOwn() throws SQLException {
        Set<String> expected = new TreeSet<>(spec.keySet());
        expected.addAll(ADDED_TABLES);
        assertEquals(expected, new TreeSet<>(strings(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")));
        assertEquals(List.of(), strings("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND (ENGINE <> 'InnoDB' OR TABLE_COLLATION NOT LIKE 'utf8mb4%')"));
    }

    @Test
    void everyColumnHasTheSpecTypeNullabilityDefaultAndOrder() throws SQLException {
        List<String> differences = new ArrayList<>();
        for (SpecTable table : spec.values()) {
            List<String> expected = new ArrayList<>();
            for (SpecColumn column : table.columns()) {
                expected.add(describe(table.name(), column));
            }
            List<String> actual = strings("SELECT CONCAT_WS(' | ', COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
                    + " IFNULL(COLUMN_DEFAULT, '(none)'), EXTRA) FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", table.name());
            actual = actual.stream().map(SchemaMatchesSpecTest::normalizeActual).toList();
            if (!expected.equals(actual)) {
                differences.add(table.name() + ": expected " + expected + "\n  but was " + actual);
            }
        }
        assertEquals(List.of(), differences);
    }

    /** "name | type | YES/NO | default | extra" as information_schema would say it. */
    private static String describe(String table, SpecColumn column) {
        String type = column.type();
        String extra = "";
        if (type.endsWith(" AUTO_INCREMENT")) {
            type = type.substring(0, type.length() - " AUTO_INCREMENT".length());
            extra = "auto_increment";
        }
        type = CHANGED_TYPES.getOrDefault(table + "." + column.name(), type);
        String defaultValue = column.defaultValue().isEmpty() ? "(none)" : unquote(column.defaultValue());
        if (column.nullable() && defaultValue.equals("(none)")) {
            defaultValue = "NULL"; // a nullable column without DEFAULT defaults to NULL
        }
        return String.join(" | ", column.name(), type, column.nullable() ? "YES" : "NO", defaultValue, extra);
    }

    private static String normalizeActual(String row) {
        String[] parts = row.split(" \\| ", -1);
        parts[3] = unquote(parts[3]);
        return String.join(" | ", parts);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }

    @Test
    void everyTableHasTheSpecKeys() throws SQLException {
        List<String> differences = new ArrayList<>();
        for (SpecTable table : spec.values()) {
            Map<String, String> expected = new TreeMap<>(table.keys());
            ADDED_INDEXES.forEach((name, columns) -> {
                if (name.startsWith(table.name() + ".")) {
                    expected.put(name.substring(table.name().length() + 1), columns);
                }
            });
            Map<String, String> actual = new TreeMap<>();
            for (String row : strings("SELECT CONCAT(INDEX_NAME, ' ', GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX))"
                    + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"
                    + " GROUP BY INDEX_NAME", table.name())) {
                String[] parts = row.split(" ");
                actual.put(parts[0], parts[1]);
            }
            if (!expected.equals(actual)) {
                differences.add(table.name() + ": expected " + expected + " but was " + actual);
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void everyTableHasTheSpecForeignKeys() throws SQLException {
        List<String> differences = new ArrayList<>();
        for (SpecTable table : spec.values()) {
            Set<String> actual = new TreeSet<>(strings("SELECT CONCAT(CONSTRAINT_NAME, ': ', COLUMN_NAME, ' -> ',"
                    + " REFERENCED_TABLE_NAME, '.', REFERENCED_COLUMN_NAME) FROM information_schema.KEY_COLUMN_USAGE"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL",
                    table.name()));
            if (!table.foreignKeys().equals(actual)) {
                differences.add(table.name() + ": expected " + table.foreignKeys() + " but was " + actual);
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void ourQueueMemberTableIsAsDocumented() throws SQLException {
        assertEquals(List.of("id_agent | int(10) unsigned | NO | (none) | ",
                        "queue | varchar(50) | NO | (none) | ",
                        "penalty | int(11) | NO | 0 | "),
                strings("SELECT CONCAT_WS(' | ', COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
                        + " IFNULL(COLUMN_DEFAULT, '(none)'), EXTRA) FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
                        "dialerd_queue_member"));
        assertEquals(List.of("dialerd_queue_member_ibfk_1: id_agent -> agent.id"),
                strings("SELECT CONCAT(CONSTRAINT_NAME, ': ', COLUMN_NAME, ' -> ', REFERENCED_TABLE_NAME, '.',"
                        + " REFERENCED_COLUMN_NAME) FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA"
                        + " = DATABASE() AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL",
                        "dialerd_queue_member"));
    }

    private static List<String> strings(String sql, String... parameters) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
