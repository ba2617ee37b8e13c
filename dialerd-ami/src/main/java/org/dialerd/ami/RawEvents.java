package org.dialerd.ami;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.dialerd.core.pbx.PbxEvent;

/**
 * The engine's busiest AMI events, translated straight from their raw lines into the same
 * {@link PbxEvent} {@link AmiEventTranslator} makes from asterisk-java's beans, so that the reader
 * thread does not build a bean for them (a regex {@code Matcher} per header and a setter called by
 * reflection: most of the reader's CPU and allocation in the 200 calls/s profile,
 * docs/benchmarks.md "Event latency"). Only unsolicited events qualify; a packet with an
 * {@code ActionID}, a duplicated header or a line without a colon goes to asterisk-java as before.
 *
 * <p>Field values follow asterisk-java 3.42.2's bean rules, so that both paths give equal records
 * ({@code FastEventsEquivalenceTest} replays every recording and edge values through both): a value
 * is trimmed; one of asterisk-java's null literals ({@code <unknown>}, {@code unknown},
 * {@code none}, {@code n/a}, ..., any case) is absent; a number that does not parse is absent;
 * header names are matched without case and without characters other than letters and digits
 * ({@code Cause-txt} = {@code causetxt}); a legacy header is read where the current one is absent,
 * exactly where the translator falls back to a legacy getter.
 */
final class RawEvents {
    /** asterisk-java's {@code AstUtil} NULL_LITERALS: its beans hold null for these values. */
    private static final Set<String> NULL_LITERALS = Set.of("n/a", "-none-", "<no name>", "<unknown>", "none",
            "<not set>", "(none)", "(not set)", "<none>", "unknown", "<null>", "(null)");

    /** Lower-cased AMI event name → the name it is counted under (asterisk-java's class name without "Event"). */
    private static final Map<String, String> COUNTED_AS = Map.ofEntries(
            Map.entry("queuecallerjoin", "QueueCallerJoin"),
            Map.entry("queuecallerleave", "QueueCallerLeave"),
            Map.entry("queuecallerabandon", "QueueCallerAbandon"),
            Map.entry("newchannel", "NewChannel"),
            Map.entry("hangup", "Hangup"),
            Map.entry("agentcalled", "AgentCalled"),
            Map.entry("agentringnoanswer", "AgentRingNoAnswer"),
            Map.entry("agentconnect", "AgentConnect"),
            Map.entry("agentcomplete", "AgentComplete"),
            Map.entry("bridgeenter", "BridgeEnter"),
            Map.entry("bridgeleave", "BridgeLeave"),
            Map.entry("hold", "Hold"),
            Map.entry("unhold", "Unhold"));

    private static final Map<String, Function<Fields, PbxEvent>> RULES = Map.ofEntries(
            rule("queuecallerjoin", f -> new PbxEvent.QueueCallerJoin(f.s("queue"), f.s("channel"), f.s("uniqueid"),
                    f.s("linkedid"), f.s("calleridnum"), f.s("calleridname"), f.i("position"), f.i("count"))),
            rule("queuecallerleave", f -> new PbxEvent.QueueCallerLeave(f.s("queue"), f.s("channel"),
                    f.s("uniqueid"), f.i("count"))),
            rule("queuecallerabandon", f -> new PbxEvent.QueueCallerAbandon(f.s("queue"), f.s("channel"),
                    f.s("uniqueid"), f.i("position"), f.i("originalposition"), Duration.ofSeconds(f.l("holdtime")))),
            rule("newchannel", f -> new PbxEvent.NewChannel(f.s("channel"), f.s("uniqueid"), f.s("linkedid"),
                    f.s("calleridnum"), f.s("context"), f.s("exten"))),
            rule("hangup", f -> new PbxEvent.Hangup(f.s("channel"), f.s("uniqueid"), f.s("linkedid"), f.i("cause"),
                    f.s("causetxt"))),
            rule("agentcalled", f -> new PbxEvent.AgentCalled(f.s("queue"), f.s("channel", "channelcalling"),
                    f.s("uniqueid"), f.s("destchannel", "destinationchannel"), f.s("interface", "agentcalled"),
                    f.s("membername", "agentname"))),
            rule("agentringnoanswer", f -> new PbxEvent.AgentRingNoAnswer(f.s("queue"), f.s("channel"),
                    f.s("uniqueid"), f.s("destchannel"), f.s("interface", "member"), f.s("membername"),
                    Duration.ofMillis(f.l("ringtime")))),
            rule("agentconnect", f -> new PbxEvent.AgentConnect(f.s("queue"), f.s("channel"), f.s("uniqueid"),
                    f.s("linkedid"), f.s("destchannel", "bridgedchannel"), f.s("destuniqueid"),
                    f.s("interface", "member"), f.s("membername"), Duration.ofSeconds(f.l("holdtime")),
                    Duration.ofSeconds(f.l("ringtime")))),
            rule("agentcomplete", f -> new PbxEvent.AgentComplete(f.s("queue"), f.s("channel"), f.s("uniqueid"),
                    f.s("destchannel"), f.s("interface", "member"), f.s("membername"),
                    Duration.ofSeconds(f.l("holdtime")), Duration.ofSeconds(f.l("talktime")), f.s("reason"))),
            rule("bridgeenter", f -> new PbxEvent.BridgeEnter(f.s("bridgeuniqueid"), f.s("channel"),
                    f.s("uniqueid"), f.s("linkedid"))),
            rule("bridgeleave", f -> new PbxEvent.BridgeLeave(f.s("bridgeuniqueid"), f.s("channel"),
                    f.s("uniqueid"), f.s("linkedid"))),
            rule("hold", f -> new PbxEvent.Hold(f.s("channel"), f.s("uniqueid"))),
            rule("unhold", f -> new PbxEvent.Unhold(f.s("channel"), f.s("uniqueid"))));

    private static Map.Entry<String, Function<Fields, PbxEvent>> rule(String name, Function<Fields, PbxEvent> rule) {
        return Map.entry(name, rule);
    }

    private static final String EVENT = "event:";

    private RawEvents() {
    }

    /** True when a packet whose first line is {@code firstLine} may be translated here: read it whole, then {@link #translate}. */
    static boolean mayTranslate(String firstLine) {
        return firstLine.regionMatches(true, 0, EVENT, 0, EVENT.length())
                && RULES.containsKey(eventName(firstLine));
    }

    /** What an event of this first line is counted under in {@link AmiMetrics#eventReceived}. */
    static String countedAs(String firstLine) {
        return COUNTED_AS.get(eventName(firstLine));
    }

    /** Every name these events are counted under. */
    static Set<String> countedNames() {
        return Set.copyOf(COUNTED_AS.values());
    }

    /**
     * The record of one packet ({@code Name: value} lines, the first an {@code Event:} line that
     * {@link #mayTranslate}, no blank line), or null when asterisk-java must read it: it carries an
     * ActionID, has a line that is not a header, or repeats a header the record is made of.
     */
    static PbxEvent translate(List<String> packet) {
        Function<Fields, PbxEvent> rule = RULES.get(eventName(packet.get(0)));
        if (rule == null) {
            return null;
        }
        for (int i = 1; i < packet.size(); i++) {
            String line = packet.get(i);
            int colon = line.indexOf(':');
            if (colon <= 0 || named(line, colon, "actionid")) {
                return null;
            }
        }
        try {
            return rule.apply(new Fields(packet));
        } catch (RepeatedHeader e) {
            return null;
        }
    }

    private static String eventName(String firstLine) {
        return firstLine.substring(EVENT.length()).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the header name before {@code colon} is {@code name} (lower case, letters and digits)
     * once case and other characters are ignored: how asterisk-java finds the bean property of a header.
     */
    private static boolean named(String line, int colon, String name) {
        int n = 0;
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (n == name.length() || Character.toLowerCase(c) != name.charAt(n)) {
                    return false;
                }
                n++;
            }
        }
        return n == name.length();
    }

    /** A header the record needs appears twice: asterisk-java decides what that means. */
    private static final class RepeatedHeader extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final RepeatedHeader INSTANCE = new RepeatedHeader();

        private RepeatedHeader() {
            super(null, null, false, false);
        }
    }

    /** One packet's header values, read as asterisk-java's beans would hold them. */
    private record Fields(List<String> lines) {

        /** The value of the first name present (not absent nor a null literal), or "". */
        String s(String... names) {
            for (String name : names) {
                String value = value(name);
                if (value != null) {
                    return value;
                }
            }
            return "";
        }

        int i(String name) {
            String value = value(name);
            if (value == null) {
                return 0;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        long l(String name) {
            String value = value(name);
            if (value == null) {
                return 0;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** The trimmed value of header {@code name}, null when absent or a null literal. */
        private String value(String name) {
            String value = null;
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                int colon = line.indexOf(':');
                if (named(line, colon, name)) {
                    if (value != null) {
                        throw RepeatedHeader.INSTANCE;
                    }
                    value = line.substring(colon + 1).trim();
                }
            }
            return value == null || isNullLiteral(value) ? null : value;
        }

        private static boolean isNullLiteral(String value) {
            if (value.length() > 9) {
                return false;
            }
            for (String literal : NULL_LITERALS) {
                if (literal.equalsIgnoreCase(value)) {
                    return true;
                }
            }
            return false;
        }
    }
}
