package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small extensions.conf: contexts of extensions (exact or {@code _} patterns with X, Z, N,
 * [a-b] and trailing {@code .}/{@code !}), each a list of applications run from priority 1, and
 * {@code include}s. Enough to express the recorded scenarios and most test dialplans.
 *
 * <pre>
 * dialplan.context("customers").exten("_X.", "NoOp()", "Ringing()", "Wait(2)", "Answer()", "Wait(20)", "Hangup()");
 * </pre>
 */
public final class Dialplan {

    private final Map<String, Context> contexts = new LinkedHashMap<>();

    public Context context(String name) {
        return contexts.computeIfAbsent(name, Context::new);
    }

    public boolean hasContext(String name) {
        return contexts.containsKey(name);
    }

    /** The extension that matches, following includes, best (most specific) match first. */
    public Optional<Extension> find(String context, String exten) {
        return find(context, exten, 0);
    }

    private Optional<Extension> find(String context, String exten, int depth) {
        Context c = contexts.get(context);
        if (c == null || depth > 8) {
            return Optional.empty();
        }
        Extension best = null;
        for (Extension e : c.extensions) {
            if (e.matches(exten) && (best == null || e.specificity() > best.specificity())) {
                best = e;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        for (String inc : c.includes) {
            Optional<Extension> found = find(inc, exten, depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** One dialplan step: application name and raw argument string. */
    public record Step(String app, String args) {
        static Step parse(String s) {
            int open = s.indexOf('(');
            if (open < 0) {
                return new Step(s.trim(), "");
            }
            int close = s.lastIndexOf(')');
            return new Step(s.substring(0, open).trim(), s.substring(open + 1, close < 0 ? s.length() : close));
        }
    }

    public static final class Context {
        final String name;
        final List<Extension> extensions = new ArrayList<>();
        final List<String> includes = new ArrayList<>();

        Context(String name) {
            this.name = name;
        }

        public Context exten(String pattern, String... steps) {
            List<Step> list = new ArrayList<>();
            Arrays.stream(steps).map(Step::parse).forEach(list::add);
            extensions.add(new Extension(pattern, list));
            return this;
        }

        public Context include(String other) {
            includes.add(other);
            return this;
        }
    }

    public static final class Extension {
        final String pattern;
        final List<Step> steps;

        Extension(String pattern, List<Step> steps) {
            this.pattern = pattern;
            this.steps = List.copyOf(steps);
        }

        public Optional<Step> step(int priority) {
            return priority >= 1 && priority <= steps.size() ? Optional.of(steps.get(priority - 1)) : Optional.empty();
        }

        boolean matches(String exten) {
            if (!pattern.startsWith("_")) {
                return pattern.equals(exten);
            }
            return matchFrom(pattern.substring(1), 0, exten, 0);
        }

        /** Exact extensions beat patterns; among patterns, fewer wildcards win. */
        int specificity() {
            if (!pattern.startsWith("_")) {
                return 10_000;
            }
            int score = 1000;
            for (char c : pattern.substring(1).toCharArray()) {
                score += Character.isDigit(c) ? 10 : c == '.' || c == '!' ? -100 : 1;
            }
            return score;
        }

        private static boolean matchFrom(String p, int pi, String s, int si) {
            if (pi == p.length()) {
                return si == s.length();
            }
            char c = Character.toUpperCase(p.charAt(pi));
            if (c == '.') {
                return si < s.length();
            }
            if (c == '!') {
                return true;
            }
            if (si >= s.length()) {
                return false;
            }
            char ch = s.charAt(si);
            if (c == '[') {
                int end = p.indexOf(']', pi);
                String set = p.substring(pi + 1, end);
                return inSet(set, ch) && matchFrom(p, end + 1, s, si + 1);
            }
            boolean ok = c == 'X' ? Character.isDigit(ch)
                    : c == 'Z' ? ch >= '1' && ch <= '9'
                    : c == 'N' ? ch >= '2' && ch <= '9'
                    : c == ch;
            return ok && matchFrom(p, pi + 1, s, si + 1);
        }

        private static boolean inSet(String set, char ch) {
            for (int i = 0; i < set.length(); i++) {
                if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                    if (ch >= set.charAt(i) && ch <= set.charAt(i + 2)) {
                        return true;
                    }
                    i += 2;
                } else if (set.charAt(i) == ch) {
                    return true;
                }
            }
            return false;
        }
    }
}
