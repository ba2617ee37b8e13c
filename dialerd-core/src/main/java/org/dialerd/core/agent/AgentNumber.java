package org.dialerd.core.agent;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A syntactically valid agent reference {@code type/number}, e.g. {@code Agent/9000}.
 * The reference daemon only checks the shape {@code word/word}; whether such an agent
 * exists is the directory's business.
 */
public record AgentNumber(String type, String number) {
    private static final Pattern SHAPE = Pattern.compile("(\\w+)/(\\w+)");

    public static Optional<AgentNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = SHAPE.matcher(text);
        return matcher.matches()
                ? Optional.of(new AgentNumber(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return type + "/" + number;
    }
}
