package org.dialerd.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Whether a database has every table and column dialerd uses, read-only (for
 * {@code dialerd --check-config}). The expected tables and columns are those of
 * {@value SchemaInstaller#SCHEMA_RESOURCE}, the script the daemon itself installs, compared
 * with {@code information_schema} of the connected database.
 */
public final class SchemaCheck {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?\\s*\\((.*)\\)[^)]*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s*`(\\w+)`\\s+\\w+", Pattern.MULTILINE);

    /** What is missing; both empty when the schema is complete. */
    public record Result(int tables, int columns, List<String> missingTables, List<String> missingColumns) {
        public boolean complete() {
            return missingTables.isEmpty() && missingColumns.isEmpty();
        }
    }

    private SchemaCheck() {
    }

    /** Table → its columns, in script order. */
    public static Map<String, List<String>> expected() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String statement : SqlScript.fromClasspath(SchemaInstaller.SCHEMA_RESOURCE).statements()) {
            Matcher table = CREATE_TABLE.matcher(statement);
            if (table.matches()) {
                List<String> columns = new ArrayList<>();
                Matcher column = COLUMN.matcher(table.group(2));
                while (column.find()) {
                    columns.add(column.group(1));
                }
                tables.put(table.group(1), List.copyOf(columns));
            }
        }
        return tables;
    }

    /** Compares the connected database with {@link #expected()}. */
    public static Result check(DataSource dataSource) {
        Map<String, List<String>> expected = expected();
        Map<String, Set<String>> actual = new HashMap<>();
        String sql = "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                // Table names are case-sensitive on Linux MariaDB; column names are not.
                actual.computeIfAbsent(rows.getString(1), t -> new HashSet<>()).add(rows.getString(2).toLowerCase());
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read information_schema", e);
        }
        List<String> missingTables = new ArrayList<>();
        List<String> missingColumns = new ArrayList<>();
        int columns = 0;
        for (Map.Entry<String, List<String>> table : expected.entrySet()) {
            Set<String> present = actual.get(table.getKey());
            if (present == null) {
                missingTables.add(table.getKey());
                continue;
            }
            for (String column : table.getValue()) {
                columns++;
                if (!present.contains(column.toLowerCase())) {
                    missingColumns.add(table.getKey() + "." + column);
                }
            }
        }
        return new Result(expected.size(), columns, List.copyOf(missingTables), List.copyOf(missingColumns));
    }
}
