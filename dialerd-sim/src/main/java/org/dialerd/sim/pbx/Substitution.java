package org.dialerd.sim.pbx;

/** ${EXTEN}, ${EXTEN:3}, ${CALLERID(num)} and ${VAR} expansion, the subset the dialplans use. */
final class Substitution {

    private Substitution() {
    }

    static String apply(String text, Channel ch) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            out.append(value(text.substring(start + 2, end), ch));
            i = end + 1;
        }
        return out.toString();
    }

    private static String value(String expr, Channel ch) {
        String name = expr;
        int offset = 0;
        int colon = expr.indexOf(':');
        if (colon > 0 && !expr.contains("(")) {
            name = expr.substring(0, colon);
            offset = Integer.parseInt(expr.substring(colon + 1).trim());
        }
        String v;
        switch (name) {
            case "EXTEN": v = ch.exten; break;
            case "CONTEXT": v = ch.context; break;
            case "CHANNEL": v = ch.name; break;
            case "UNIQUEID": v = ch.uniqueid; break;
            case "CALLERID(num)": v = ch.callerNum; break;
            case "CALLERID(name)": v = ch.callerName; break;
            default: v = ch.variables.getOrDefault(name, "");
        }
        return offset > 0 ? (offset < v.length() ? v.substring(offset) : "") : v;
    }
}
