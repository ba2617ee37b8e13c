package org.dialerd.db.store;

import java.util.Optional;
import java.util.regex.Pattern;
import org.dialerd.core.store.ExtensionDirectory;

/**
 * Dial strings from FreePBX's {@code devices} table ({@code user} = extension, {@code dial} =
 * dial string such as {@code SIP/1064}), as the reference daemon reads them: {@code devices}
 * over a connection to the FreePBX database named in {@code /etc/amportal.conf}, or a
 * {@code database.table} reached through the call_center connection.
 */
public final class JdbcDeviceDirectory implements ExtensionDirectory {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)?");

    private final Jdbc jdbc;
    private final String table;
    private final String sql;

    public JdbcDeviceDirectory(Jdbc jdbc, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("devices table '" + table + "': expected table or database.table");
        }
        this.jdbc = jdbc;
        this.table = table;
        // The name is validated above: it can only be identifiers joined by a dot.
        this.sql = "SELECT dial FROM " + table + " WHERE user = ? ORDER BY id";
    }

    @Override
    public Optional<String> dialString(String extension) {
        return jdbc.first(sql, row -> row.getString(1), extension).filter(dial -> !dial.isBlank());
    }

    /** How many devices the table holds (proves it is there and readable). */
    public int size() {
        return jdbc.first("SELECT COUNT(*) FROM " + table, row -> row.getInt(1)).orElse(0);
    }
}
