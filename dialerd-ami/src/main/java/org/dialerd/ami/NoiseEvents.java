package org.dialerd.ami;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AMI events dialerd never needs, recognised from their raw lines so that asterisk-java does
 * not build a bean for them. A JFR profile of the 200 calls/s benchmark put asterisk-java's reader
 * thread at 46 % of dialerd's samples and most of its allocation (a regex {@code Matcher} per
 * header, reflection per setter), and on a real Asterisk these events are about 70 % of the
 * traffic (ami-traces: VarSet, DeviceStateChange, Newexten, Newstate, NewCallerid,
 * NewConnectedLine, ...), each mapped to nothing by {@link AmiEventTranslator}.
 *
 * <p>Only unsolicited events are dropped: a packet with an {@code ActionID} is a list item or the
 * answer to an action (DeviceStateList's items are DeviceStateChange events) and always passes.
 * A VarSet passes when it sets one of {@link AmiEventTranslator#VARIABLES}. Bridge events stay
 * (asterisk-java follows bridges from them), and so does every event not named here.
 */
final class NoiseEvents {
    /**
     * Lower-cased AMI event name → the name it is counted under, which is asterisk-java's class
     * name without "Event" ({@link AmiEventNames}), so /metrics reads as before.
     */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("varset", "VarSet"),
            Map.entry("newexten", "NewExten"),
            Map.entry("newstate", "NewState"),
            Map.entry("newcallerid", "NewCallerId"),
            Map.entry("newconnectedline", "NewConnectedLine"),
            Map.entry("newaccountcode", "NewAccountCode"),
            Map.entry("devicestatechange", "DeviceStateChange"),
            Map.entry("dialbegin", "DialBegin"),
            Map.entry("dialstate", "DialState"),
            Map.entry("dialend", "DialEnd"),
            Map.entry("hanguprequest", "HangupRequest"),
            Map.entry("softhanguprequest", "SoftHangupRequest"),
            Map.entry("localbridge", "LocalBridge"),
            Map.entry("musiconholdstart", "MusicOnHoldStart"),
            Map.entry("musiconholdstop", "MusicOnHoldStop"),
            Map.entry("dtmfbegin", "DtmfBegin"),
            Map.entry("dtmfend", "DtmfEnd"),
            Map.entry("rtcpsent", "RtcpSent"),
            Map.entry("rtcpreceived", "RtcpReceived"),
            Map.entry("channeltalkingstart", "ChannelTalkingStart"),
            Map.entry("channeltalkingstop", "ChannelTalkingStop"),
            Map.entry("cdr", "Cdr"),
            Map.entry("cel", "Cel"),
            Map.entry("extensionstatus", "ExtensionStatus"));

    private static final String EVENT = "event:";
    private static final String ACTION_ID = "actionid:";
    private static final String VARIABLE = "variable:";

    private NoiseEvents() {
    }

    /** True when a packet whose first line is {@code firstLine} may be noise: read it whole, then ask {@link #isNoise}. */
    static boolean mayBeNoise(String firstLine) {
        return firstLine.regionMatches(true, 0, EVENT, 0, EVENT.length())
                && NAMES.containsKey(value(firstLine, EVENT.length()));
    }

    /** {@code packet}: the lines of one packet, the first one starting with Event:, without the blank line. */
    static boolean isNoise(List<String> packet) {
        boolean varSet = "varset".equals(value(packet.get(0), EVENT.length()));
        for (int i = 1; i < packet.size(); i++) {
            String line = packet.get(i);
            if (line.regionMatches(true, 0, ACTION_ID, 0, ACTION_ID.length())) {
                return false;
            }
            if (varSet && line.regionMatches(true, 0, VARIABLE, 0, VARIABLE.length())
                    && AmiEventTranslator.VARIABLES.contains(line.substring(VARIABLE.length()).trim())) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isNoise(List)} for a packet whose lines after the first are still undecoded. */
    static boolean isNoise(String firstLine, AmiSocket.RawPacket rest) {
        boolean varSet = "varset".equals(value(firstLine, EVENT.length()));
        for (int i = 0; i < rest.lines(); i++) {
            if (rest.startsWith(i, ACTION_ID)) {
                return false;
            }
            if (varSet && rest.startsWith(i, VARIABLE)
                    && AmiEventTranslator.VARIABLES.contains(rest.valueFrom(i, VARIABLE.length()))) {
                return false;
            }
        }
        return true;
    }

    /** Every name a skipped event is counted under. */
    static Collection<String> countedNames() {
        return NAMES.values();
    }

    /** What a noise packet is counted under in {@link AmiMetrics#eventReceived}. */
    static String countedAs(String firstLine) {
        return NAMES.get(value(firstLine, EVENT.length()));
    }

    private static String value(String line, int from) {
        return line.substring(from).trim().toLowerCase(Locale.ROOT);
    }
}
