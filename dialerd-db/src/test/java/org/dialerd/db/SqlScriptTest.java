package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dialerd.testdata.TestData;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static List<String> split(String text) {
        return SqlScript.parse("test.sql", text).statements();
    }

    @Test
    void splitsAtTopLevelSemicolons() {
        assertEquals(List.of("SELECT 1", "SELECT 2", "SELECT 3"), split("SELECT 1;\nSELECT 2 ;  SELECT 3"));
    }

    @Test
    void keepsSemicolonsInsideStringsAndIdentifiers() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`)", "SELECT 2"),
                split("INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`); SELECT 2;"));
    }

    @Test
    void understandsBackslashAndDoubledQuoteEscapes() {
        String text = "INSERT INTO t VALUES ('it\\'s;', 'it''s;', \"say \\\"hi;\\\"\", \"a\"\";\", 'back\\\\');"
                + "SELECT `odd``name;`;";
        assertEquals(List.of(
                "INSERT INTO t VALUES ('it\\'s;', 'it''s;', \"say \\\"hi;\\\"\", \"a\"\";\", 'back\\\\')",
                "SELECT `odd``name;`"), split(text));
    }

    @Test
    void backslashDoesNotEscapeInsideBackticks() {
        assertEquals(List.of("SELECT `a\\`", "SELECT 2"), split("SELECT `a\\`; SELECT 2;"));
    }

    @Test
    void ignoresSemicolonsInComments() {
        String text = "-- first; comment\nSELECT 1; # hash; comment\nSELECT /* in; block */ 2;\n/* only;\n a comment */;";
        assertEquals(List.of("SELECT 1", "SELECT /* in; block */ 2"), split(text));
    }

    @Test
    void doubleDashWithoutBlankIsNotAComment() {
        assertEquals(List.of("SELECT 1--1", "SELECT 2"), split("SELECT 1--1;\nSELECT 2;--\n"));
    }

    @Test
    void dropsTheSandboxMarkerButKeepsExecutableComments() {
        String text = "/*M!999999\\- enable the sandbox mode */ \n"
                + "/*!40101 SET NAMES utf8mb4 */;\n"
                + "INSERT /*!50000 IGNORE */ INTO t VALUES (1);\n"
                + "/*M!100100 SET @x = 1 */;";
        assertEquals(List.of("/*!40101 SET NAMES utf8mb4 */", "INSERT /*!50000 IGNORE */ INTO t VALUES (1)",
                "/*M!100100 SET @x = 1 */"), split(text));
    }

    @Test
    void aSemicolonInsideAnExecutableCommentDoesNotEndTheStatement() {
        assertEquals(List.of("/*!50003 SET @a = 1; SET @b = 2 */"), split("/*!50003 SET @a = 1; SET @b = 2 */;"));
    }

    @Test
    void keepsTheLastStatementWithoutSemicolon() {
        assertEquals(List.of("SELECT 1", "SELECT 'x'"), split("SELECT 1;\n\nSELECT 'x'\n-- trailing comment\n"));
    }

    @Test
    void namesTheLineOfAnUnclosedQuote() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> split("SELECT 1;\nSELECT 'open;\nSELECT 2;"));
        assertEquals("test.sql: quote ' opened on line 2 is not closed", e.getMessage());
    }

    @Test
    void refusesAnUnclosedComment() {
        assertThrows(IllegalArgumentException.class, () -> split("SELECT 1; /* no end"));
    }

    @Test
    void skipsUseStatementsWhenAsked() {
        SqlScript script = SqlScript.parse("t", "SET NAMES utf8mb4;\nUSE call_center;\n/* c */ use `other`;\nSELECT 'USE x';");
        assertEquals(List.of("SET NAMES utf8mb4", "SELECT 'USE x'"), script.withoutUseStatements().statements());
        assertEquals(4, script.statements().size());
    }

    @Test
    void rewritesPlainInsertsAsReplace() {
        SqlScript script = SqlScript.parse("t", "insert into t values (1);\n"
                + "INSERT IGNORE INTO t VALUES (2);\n"
                + "INSERT INTO t VALUES (3) ON DUPLICATE KEY UPDATE a = 1;\n"
                + "INSERT INTO t VALUES ('ON DUPLICATE KEY');\n"
                + "SELECT 'INSERT';");
        assertEquals(List.of("REPLACE into t values (1)",
                "INSERT IGNORE INTO t VALUES (2)",
                "INSERT INTO t VALUES (3) ON DUPLICATE KEY UPDATE a = 1",
                "REPLACE INTO t VALUES ('ON DUPLICATE KEY')",
                "SELECT 'INSERT'"), script.withInsertsAsReplace().statements());
    }

    @Test
    void readsTheShippedScriptsFromTheClasspath() {
        SqlScript schema = SqlScript.fromClasspath("sql/schema.sql");
        assertEquals(33 + 6 + 1 + 3, schema.statements().size(),
                "SET NAMES, 33 tables, 6 indexes, the index they replace dropped, seed rows Hold and Wrapup");
        assertTrue(SqlScript.fromClasspath("sql/demo-data.sql").statements().size() > 20);
    }

    @Test
    void refusesAMissingClasspathScript() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SqlScript.fromClasspath("sql/nope.sql"));
        assertEquals("SQL script sql/nope.sql is not on the classpath", e.getMessage());
    }

    @Test
    void splitsTheReferenceDumpIntoOneStatementPerRow() throws Exception {
        Path dump = TestData.referenceDump();
        List<String> statements = SqlScript.fromFile(dump).statements();
        long lines = Files.readAllLines(dump).stream().filter(l -> l.startsWith("INSERT INTO")).count();
        assertEquals(lines, statements.size());
        assertTrue(statements.get(0).startsWith("INSERT INTO `agent`"), statements.get(0));
        assertTrue(statements.stream().allMatch(s -> s.startsWith("INSERT INTO `")));
    }
}
