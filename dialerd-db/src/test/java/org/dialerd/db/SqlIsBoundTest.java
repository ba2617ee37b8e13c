package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every value reaches the database as a bound parameter: this reads dialerd-db's main sources and
 * finds each place where SQL text is joined with something that is not a literal (string
 * concatenation with an SQL literal, {@code append} to an SQL builder, {@code formatted} /
 * {@code String.format} of SQL, a raw {@code Statement}). The only such places allowed are listed
 * below, each an identifier that is validated or made of literals, with the reason. A new one
 * fails this test until it is bound or, if it is an identifier, validated and listed.
 *
 * <p>It is a source scan, not a proof: it sees the usual ways of building SQL in this code base.
 */
class SqlIsBoundTest {
    /** "File.java: operand" → why it is safe. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("JdbcCallStore.java: placeholders", "a run of '?, ?, ?' for an IN list; the ids are bound"),
            Map.entry("JdbcChangeSource.java: names", "the quoted names of the constant list TABLES (the tables the"
                    + " cached answers read), never from outside"),
            Map.entry("JdbcReportStore.java: placeholders", "a run of '?, ?, ?' for an IN list; the ids are bound"),
            Map.entry("SchemaInstaller.java: table", "holdsRows is private and called with the literals agent and"
                    + " eccp_authorized_clients only"),
            Map.entry("EmbeddedMariaDb.java: name", "createDatabase validates it first (settings(name):"
                    + " [A-Za-z0-9_$]{1,64})"),
            Map.entry("JdbcDeviceDirectory.java: table", "the constructor refuses anything but identifier or"
                    + " identifier.identifier"),
            Map.entry("JdbcCampaignStore.java: String.join", "joins campaignSelect branches and condition literals"
                    + " with ? marks"),
            Map.entry("JdbcCampaignStore.java: limitClause", "returns the literal ' LIMIT ? OFFSET ?' and binds both"
                    + " values"),
            Map.entry("EmbeddedMariaDb.java: Statement", "CREATE DATABASE cannot take a bound name; the name is"
                    + " validated"),
            Map.entry("JdbcIdBlockSource.java: name", "the table name of the IdTable enum (tableName()),"
                    + " never from outside"),
            Map.entry("JdbcIdBlockSource.java: maxPlusOne", "a subquery built from that enum name only"),
            Map.entry("JdbcIdBlockSource.java: Statement", "runs the literal SELECT LAST_INSERT_ID()"),
            Map.entry("RecordStatements.java: direction", "the literal incoming or outgoing, chosen by a boolean;"
                    + " picks the column pair of call_progress_log"),
            Map.entry("JdbcAuditStore.java: OwnedRows.condition", "the ownership condition of OwnedRows, made of"
                    + " an IdTable name and a column literal; the host id is bound"),
            Map.entry("JdbcIncomingCallStore.java: OwnedRows.condition", "the same ownership condition"),
            Map.entry("JdbcOutgoingCallStore.java: OwnedRows.condition", "the same ownership condition, with a"
                    + " subquery literal as the id"),
            Map.entry("OwnedRows.java: name", "the quoted table name of the IdTable enum (tableName()), never"
                    + " from outside"),
            Map.entry("OwnedRows.java: id", "the id expression its callers pass: a column or subquery literal"),
            Map.entry("OwnedRows.java: own", "the EXISTS condition built just above from those two"),
            Map.entry("JdbcReferenceSource.java: table.name", "the ReferenceTable enum constant's name, a label"
                    + " column of the fingerprint query"),
            Map.entry("JdbcReferenceSource.java: table.tableName", "the table name of the ReferenceTable enum,"
                    + " never from outside"),
            Map.entry("JdbcReferenceSource.java: String.join", "joins the constant column lists of COLUMNS"),
            Map.entry("JdbcReferenceSource.java: row", "the CONCAT_WS of the constant column lists of COLUMNS"),
            Map.entry("JdbcReferenceSource.java: table", "links() is private and called with the literals"
                    + " campaign_form and campaign_form_entry only; elsewhere the ReferenceTable enum"),
            Map.entry("SqlScript.java: Statement", "runs the statements of the shipped SQL scripts, not built from"
                    + " values"));

    private static final Pattern SQL_WORDS = Pattern.compile(
            "\\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|FROM|WHERE|VALUES|SET|LIMIT|OFFSET|ORDER BY|GROUP BY|JOIN|AND|"
                    + "OR|CREATE|DROP|ALTER|UNION)\\b");
    private static final String LITERAL = "\"(?:[^\"\\\\\\n]|\\\\.)*\"";
    private static final String OPERAND = "([A-Za-z_][\\w.]*)";
    private static final Pattern LITERAL_THEN_OPERAND = Pattern.compile("(" + LITERAL + ")\\s*\\+\\s*" + OPERAND);
    private static final Pattern OPERAND_THEN_LITERAL = Pattern.compile(OPERAND + "\\s*\\+\\s*(" + LITERAL + ")");
    private static final Pattern SQL_BUILDER_CALL = Pattern.compile(
            "\\b(?:sql|conditions)\\.(?:append|add)\\(\\s*(?!\")" + OPERAND);
    private static final Pattern FORMATTED = Pattern.compile("\\.formatted\\(\\s*(?!\")" + OPERAND
            + "|String\\.format\\(\\s*(" + LITERAL + ")");
    private static final Pattern RAW_STATEMENT = Pattern.compile("\\bcreateStatement\\(");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Test
    void sqlIsJoinedOnlyWithLiteralsConstantsAndListedIdentifiers() throws IOException {
        Set<String> found = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            String name = file.getFileName().toString();
            String code = withoutComments(Files.readString(file));
            List<String> operands = new ArrayList<>();
            collect(LITERAL_THEN_OPERAND.matcher(code), 1, 2, operands);
            collect(OPERAND_THEN_LITERAL.matcher(code), 2, 1, operands);
            Matcher builder = SQL_BUILDER_CALL.matcher(code);
            while (builder.find()) {
                operands.add(builder.group(1));
            }
            Matcher formatted = FORMATTED.matcher(code);
            while (formatted.find()) {
                if (formatted.group(1) != null) {
                    operands.add(formatted.group(1));
                } else if (isSql(formatted.group(2))) {
                    operands.add("String.format");
                }
            }
            if (RAW_STATEMENT.matcher(code).find()) {
                operands.add("Statement");
            }
            for (String operand : operands) {
                if (CONSTANT.matcher(operand).matches()) {
                    continue;
                }
                String key = name + ": " + operand;
                found.add(key);
                if (!ALLOWED.containsKey(key)) {
                    violations.add(key);
                }
            }
        }
        assertEquals(List.of(), violations, "SQL joined with a value: bind it with ? instead");
        assertEquals(new TreeSet<>(ALLOWED.keySet()), found, "an allowed entry no longer occurs: remove it");
    }

    @Test
    void sqlConstantsAreMadeOfLiteralsAndOtherConstantsOnly() throws IOException {
        Pattern declaration = Pattern.compile("static final String ([A-Z][A-Z0-9_]*)\\s*=\\s*([^;]*);");
        Pattern piece = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|" + LITERAL + "|[A-Z][A-Z0-9_]*|\\.formatted\\(|[+()\\s]|,");
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            Matcher matcher = declaration.matcher(withoutComments(Files.readString(file)));
            while (matcher.find()) {
                String rest = piece.matcher(matcher.group(2)).replaceAll("");
                if (!rest.isEmpty() && isSql(matcher.group(2))) {
                    violations.add(file.getFileName() + ": " + matcher.group(1) + " contains " + rest);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static void collect(Matcher matcher, int literalGroup, int operandGroup, List<String> operands) {
        while (matcher.find()) {
            if (isSql(matcher.group(literalGroup))) {
                operands.add(matcher.group(operandGroup));
            }
        }
    }

    private static boolean isSql(String text) {
        return SQL_WORDS.matcher(text).find();
    }

    private static List<Path> mainSources() throws IOException {
        Path sources = Path.of(System.getProperty("user.dir"), "src", "main", "java");
        assertTrue(Files.isDirectory(sources), "main sources at " + sources);
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            assertTrue(java.size() > 10, "found only " + java.size() + " sources");
            return java;
        }
    }

    /** Comments could hold SQL-looking prose; string contents are kept. */
    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
    }
}
