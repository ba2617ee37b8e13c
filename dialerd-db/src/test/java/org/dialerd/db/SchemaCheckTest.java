package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    @Test
    void expectsEveryTableAndColumnOfSchemaSql() {
        Map<String, List<String>> expected = SchemaCheck.expected();
        assertEquals(30, expected.size(), expected.keySet().toString());
        assertEquals(List.of("id", "type", "number", "name", "password", "estatus", "eccp_password"),
                expected.get("agent"));
        assertTrue(expected.get("valor_config").contains("config_value"));
    }

    @Test
    void anInstalledSchemaIsComplete() {
        SchemaCheck.Result result = SchemaCheck.check(TestDatabases.fresh());
        assertTrue(result.complete(), result.toString());
        assertEquals(30, result.tables());
    }

    @Test
    void namesMissingTablesAndColumns() throws SQLException {
        DataSource db = TestDatabases.fresh();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            s.execute("DROP TABLE dialerd_queue_member");
            s.execute("ALTER TABLE agent DROP COLUMN eccp_password");
        }
        SchemaCheck.Result result = SchemaCheck.check(db);
        assertFalse(result.complete());
        assertEquals(List.of("dialerd_queue_member"), result.missingTables());
        assertEquals(List.of("agent.eccp_password"), result.missingColumns());
    }
}
