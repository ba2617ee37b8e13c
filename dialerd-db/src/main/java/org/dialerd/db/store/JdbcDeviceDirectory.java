package org.dialerd.db.store;

import java.util.Optional;
import java.util.regex.Pattern;
import org.dialerd.core.store.ExtensionDirectory;

/**
 * Dial strings from FreePBX's {@code devices} table ({@code user} = extension, {@code dial} =
 * dial string such as {@code SIP/1064}), as the reference daemon reads them. The table is
 * usually {@code asterisk.devices}, reached through the call_center connection.
 */
public final class JdbcDeviceDirectory implements ExtensionDirectory {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)?");

    private final Jdbc jdbc;
    private final String sql;

    public JdbcDeviceDirectory(Jdbc jdbc, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("devices table '" + table + "': expected table or database.table");
        }
        this.jdbc = jdbc;
        // The name is validated above: it can only be identifiers joined by a dot.
        this.sql = "SELECT dial FROM " + table + " WHERE user = ? ORDER BY id";
    }

    @Override
    public Optional<String> dialString(String extension) {
        return jdbc.first(sql, row -> row.getString(1), extension).filter(dial -> !dial.isBlank());
    }
}
