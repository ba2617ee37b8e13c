package org.dialerd.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SQL script (UTF-8) split into statements in pure Java, run over JDBC in order on one
 * connection. Splitting rules: see {@link SqlSplitter}; {@code DELIMITER} is not
 * supported (dialerd's scripts and data dumps need no stored programs).
 *
 * <p>Two rewrites help load scripts written for the {@code mariadb} client:
 * <ul>
 *   <li>{@link #withoutUseStatements()} drops {@code USE db} statements, so a script that
 *       names a database (e.g. {@code USE call_center;}) runs in the database the caller
 *       connected to;</li>
 *   <li>{@link #withInsertsAsReplace()} turns {@code INSERT INTO} into {@code REPLACE INTO},
 *       so a data dump's rows win over rows the schema already seeded (a dump of a
 *       {@code call_center} database repeats the seed row {@code break} 1).</li>
 * </ul>
 *
 * <p>Example: {@code SqlScript.fromClasspath("sql/schema.sql").runOn(connection)}.
 */
public final class SqlScript {

    private static final Pattern INSERT_KEYWORD = Pattern.compile("^\\s*INSERT\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_REPLACEABLE = Pattern.compile(
            "^\\s*INSERT\\s+(IGNORE|DELAYED|LOW_PRIORITY|HIGH_PRIORITY)\\b|\\bON\\s+DUPLICATE\\s+KEY\\b|\\bRETURNING\\b",
            Pattern.CASE_INSENSITIVE);

    private final String name;
    private final List<SqlSplitter.Statement> statements;

    private SqlScript(String name, List<SqlSplitter.Statement> statements) {
        this.name = name;
        this.statements = statements;
    }

    /**
     * Parses script text.
     *
     * @throws IllegalArgumentException when a quote or comment is not closed (the message
     *                                  names the script and the line where it opened)
     */
    public static SqlScript parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        return new SqlScript(name, SqlSplitter.split(name, text));
    }

    /** Loads a UTF-8 script from the classpath, e.g. {@code sql/schema.sql}. */
    public static SqlScript fromClasspath(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SqlScript.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("SQL script " + path + " is not on the classpath");
            }
            return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DatabaseException("cannot read SQL script " + path + " from the classpath", e);
        }
    }

    /** Loads a UTF-8 script file. */
    public static SqlScript fromFile(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DatabaseException("cannot read SQL script " + file, e);
        }
    }

    public String name() {
        return name;
    }

    /** The statements to run, in order, without their closing semicolons. */
    public List<String> statements() {
        return statements.stream().map(SqlSplitter.Statement::sql).toList();
    }

    /** This script without its {@code USE} statements. */
    public SqlScript withoutUseStatements() {
        return new SqlScript(name, statements.stream()
                .filter(s -> !s.keyword().equals("USE"))
                .toList());
    }

    /**
     * This script with each plain {@code INSERT} rewritten as {@code REPLACE}: a row whose
     * key already exists replaces the existing one instead of failing. {@code INSERT IGNORE},
     * {@code INSERT … ON DUPLICATE KEY UPDATE} and {@code INSERT … RETURNING} stay as written.
     */
    public SqlScript withInsertsAsReplace() {
        return new SqlScript(name, statements.stream().map(SqlScript::insertAsReplace).toList());
    }

    private static SqlSplitter.Statement insertAsReplace(SqlSplitter.Statement statement) {
        if (!statement.keyword().equals("INSERT") || NOT_REPLACEABLE.matcher(statement.code()).find()) {
            return statement;
        }
        // The statement text starts with its first keyword: leading comments are cut off.
        String sql = INSERT_KEYWORD.matcher(statement.sql()).replaceFirst("REPLACE");
        String code = INSERT_KEYWORD.matcher(statement.code()).replaceFirst("REPLACE");
        return new SqlSplitter.Statement(sql, statement.line(), code);
    }

    /**
     * Runs every statement in order on the given connection. Transactions are the
     * caller's: with auto-commit off, the caller commits (DDL commits implicitly anyway).
     *
     * @throws DatabaseException naming the script, the line and the start of the statement
     *                           that failed; statements before it have run
     */
    public void runOn(Connection connection) {
        try (Statement jdbc = connection.createStatement()) {
            for (SqlSplitter.Statement statement : statements) {
                try {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    throw new DatabaseException(name + ":" + statement.line() + ": " + e.getMessage()
                            + " [" + abbreviate(statement.sql()) + "]", e);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot run SQL script " + name, e);
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    @Override
    public String toString() {
        return "SqlScript[" + name + ", " + statements.size() + " statements]";
    }
}
