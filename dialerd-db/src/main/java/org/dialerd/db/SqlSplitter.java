package org.dialerd.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at top-level semicolons, the way the {@code mariadb}
 * command-line client does for scripts without {@code DELIMITER}.
 *
 * <p>It knows {@code '…'} and {@code "…"} strings (backslash escapes and doubled quotes),
 * {@code `…`} identifiers (doubled backticks), {@code -- } and {@code #} line comments and
 * {@code /* … *}{@code /} block comments. Executable comments ({@code /*!40101 …*}{@code /},
 * {@code /*M!100100 …*}{@code /}) are code: the server runs them. The one exception is the
 * version 999999 gate that mariadb-dump writes as its first line
 * ({@code /*M!999999\- enable the sandbox mode *}{@code /}): no server runs it, it is a
 * command for the mariadb client only, so it counts as a comment.
 *
 * <p>A statement made only of comments and blanks is dropped. Leading and trailing
 * comments are cut off a statement; everything between is sent exactly as written.
 */
final class SqlSplitter {

    /** Version gate that no server passes (99.99.99). */
    private static final String NEVER_RUN_VERSION = "999999";

    /**
     * One statement.
     *
     * @param sql  the text to send, without leading or trailing comments and without the
     *             closing semicolon
     * @param line 1-based line of its first character in the script
     * @param code the statement with comments removed and literal contents blanked, for
     *             keyword checks that must not be fooled by strings
     */
    record Statement(String sql, int line, String code) {

        /** First word of the code, upper case ({@code INSERT}, {@code USE}, …). */
        String keyword() {
            String trimmed = code.strip();
            int end = 0;
            while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
                end++;
            }
            return trimmed.substring(0, end).toUpperCase(java.util.Locale.ROOT);
        }
    }

    private final String text;
    private final String scriptName;
    private final List<Statement> statements = new ArrayList<>();

    private int pos;
    private int line = 1;
    // Current statement.
    private int start = -1;
    /** Just after the statement's last code character: trailing comments are cut off too. */
    private int end;
    private int startLine;
    private final StringBuilder code = new StringBuilder();
    private boolean inExecutableComment;

    private SqlSplitter(String scriptName, String text) {
        this.scriptName = scriptName;
        this.text = text;
    }

    static List<Statement> split(String scriptName, String text) {
        SqlSplitter splitter = new SqlSplitter(scriptName, text);
        splitter.run();
        return List.copyOf(splitter.statements);
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'' || c == '"' || c == '`') {
                markCode();
                quoted(c);
            } else if (c == '#' || (c == '-' && startsLineCommentAt(pos))) {
                lineComment();
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '*' && peek(1) == '/' && inExecutableComment) {
                inExecutableComment = false;
                code.append(' ');
                advance(2);
                end = pos;
            } else if (c == ';' && !inExecutableComment) {
                finishStatement();
                advance(1);
            } else {
                boolean isCode = !Character.isWhitespace(c);
                if (isCode) {
                    markCode();
                }
                code.append(c);
                advance(1);
                if (isCode) {
                    end = pos;
                }
            }
        }
        if (inExecutableComment) {
            throw error("executable comment /*! is not closed");
        }
        finishStatement();
    }

    /** MariaDB needs a blank or control character after {@code --} to start a comment. */
    private boolean startsLineCommentAt(int at) {
        if (at + 1 >= text.length() || text.charAt(at + 1) != '-') {
            return false;
        }
        return at + 2 >= text.length() || text.charAt(at + 2) <= ' ';
    }

    private void quoted(char quote) {
        int openLine = line;
        code.append(quote);
        advance(1);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && quote != '`') {
                advance(Math.min(2, text.length() - pos));
            } else if (c == quote) {
                if (peek(1) == quote) {
                    advance(2);
                } else {
                    code.append(quote);
                    advance(1);
                    end = pos;
                    return;
                }
            } else {
                advance(1);
            }
        }
        throw error("quote " + quote + " opened on line " + openLine + " is not closed");
    }

    private void lineComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            advance(1);
        }
        code.append(' ');
    }

    private void blockComment() {
        int openLine = line;
        int open = pos;
        advance(2);
        int versionStart = -1;
        if (peek(0) == '!') {
            versionStart = pos + 1;
        } else if (peek(0) == 'M' && peek(1) == '!') {
            versionStart = pos + 2;
        }
        if (versionStart >= 0) {
            int versionEnd = versionStart;
            while (versionEnd < text.length() && Character.isDigit(text.charAt(versionEnd))) {
                versionEnd++;
            }
            String version = text.substring(versionStart, versionEnd);
            if (!version.equals(NEVER_RUN_VERSION)) {
                if (inExecutableComment) {
                    throw error("executable comment nested in another one");
                }
                markCodeAt(open, openLine);
                inExecutableComment = true;
                code.append(' ');
                advance(versionEnd - pos);
                end = pos;
                return;
            }
        }
        while (pos < text.length()) {
            if (text.charAt(pos) == '*' && peek(1) == '/') {
                advance(2);
                code.append(' ');
                return;
            }
            advance(1);
        }
        throw error("comment opened on line " + openLine + " is not closed");
    }

    private void markCode() {
        markCodeAt(pos, line);
    }

    private void markCodeAt(int at, int atLine) {
        if (start < 0) {
            start = at;
            startLine = atLine;
        }
    }

    private void finishStatement() {
        if (start >= 0) {
            String sql = text.substring(start, end);
            statements.add(new Statement(sql, startLine, code.toString().strip()));
        }
        start = -1;
        code.setLength(0);
    }

    private char peek(int offset) {
        int at = pos + offset;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void advance(int count) {
        for (int i = 0; i < count; i++) {
            if (text.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(scriptName + ": " + what);
    }
}
