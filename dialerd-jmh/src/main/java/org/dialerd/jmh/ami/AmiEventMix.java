package org.dialerd.jmh.ami;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The events a blast cycles through: packets recorded from Asterisk 22 (testdata/ami-traces 04,
 * 06, 10), the channel's {@code Uniqueid} replaced by {@code 1795339927.<n>}, n being the event's
 * index in the blast, so a receiver can check that every event arrived once and in order. Of each
 * nine, seven become engine events (Newchannel, AgentConnect, BridgeEnter, Hold, Unhold,
 * BridgeLeave, Hangup) and two are the noise dialerd drops at the boundary (Newexten, VarSet of a
 * variable it does not follow), as in a real call's stream.
 */
public final class AmiEventMix {
    /** Prefix of every Uniqueid; the event's index follows the dot. */
    public static final String UNIQUEID_PREFIX = "1795339927.";

    private static final String CHANNEL = "Channel: Local/1001@agents-00000002;1\r\nChannelState: 6\r\n"
            + "ChannelStateDesc: Up\r\nCallerIDNum: 1001\r\nCallerIDName: Agent 9000\r\nConnectedLineNum: 1001\r\n"
            + "ConnectedLineName: Agent 9000\r\nLanguage: en\r\nAccountCode: \r\nContext: agents\r\nExten: 1001\r\n"
            + "Priority: 1\r\nUniqueid: " + UNIQUEID_PREFIX + "%d\r\nLinkedid: 1795339927.4\r\n";
    private static final String BRIDGE = "BridgeUniqueid: 2a7f9ea4-43a8-4af6-93a5-afc7bdfb8685\r\n"
            + "BridgeType: basic\r\nBridgeTechnology: simple_bridge\r\nBridgeCreator: <unknown>\r\n"
            + "BridgeName: <unknown>\r\nBridgeNumChannels: 1\r\nBridgeVideoSourceMode: none\r\n";

    private record Kind(String template, boolean translated) {
        String before() {
            return template.substring(0, template.indexOf("%d"));
        }

        String after() {
            return template.substring(template.indexOf("%d") + 2);
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("Event: Newchannel\r\nPrivilege: call,all\r\n" + CHANNEL + "\r\n", true),
            new Kind("Event: Newexten\r\nPrivilege: dialplan,all\r\n" + CHANNEL
                    + "Extension: 1001\r\nApplication: AppDial2\r\nAppData: (Outgoing Line)\r\n\r\n", false),
            new Kind("Event: VarSet\r\nPrivilege: dialplan,all\r\n" + CHANNEL + "Variable: ID_CALL\r\nValue: 1\r\n\r\n",
                    false),
            new Kind("Event: AgentConnect\r\nPrivilege: agent,all\r\n" + CHANNEL
                    + "DestChannel: Local/1001@agents-00000005;1\r\nDestChannelState: 6\r\nDestChannelStateDesc: Up\r\n"
                    + "DestCallerIDNum: 5551234\r\nDestCallerIDName: Campaign 1\r\nDestConnectedLineNum: 5551234\r\n"
                    + "DestConnectedLineName: Campaign 1\r\nDestLanguage: en\r\nDestAccountCode: \r\n"
                    + "DestContext: agents\r\nDestExten: 8000\r\nDestPriority: 1\r\nDestUniqueid: 1795339964.10\r\n"
                    + "DestLinkedid: 1795339962.8\r\nQueue: 8000\r\nInterface: Local/1001@agents\r\n"
                    + "MemberName: Agent 1001\r\nHoldTime: 2\r\nRingTime: 1\r\n\r\n", true),
            new Kind("Event: BridgeEnter\r\nPrivilege: call,all\r\n" + BRIDGE + CHANNEL + "\r\n", true),
            new Kind("Event: Hold\r\nPrivilege: call,all\r\n" + CHANNEL + "\r\n", true),
            new Kind("Event: Unhold\r\nPrivilege: call,all\r\n" + CHANNEL + "\r\n", true),
            new Kind("Event: BridgeLeave\r\nPrivilege: call,all\r\n" + BRIDGE + CHANNEL + "\r\n", true),
            new Kind("Event: Hangup\r\nPrivilege: call,all\r\n" + CHANNEL + "Cause: 16\r\nCause-txt: Normal Clearing\r\n\r\n",
                    true));

    /** The wire bytes of event {@code index}. */
    public byte[] packet(int index) {
        Kind kind = KINDS.get(index % KINDS.size());
        return (kind.before() + index + kind.after()).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether event {@code index} reaches the engine (the others are dropped on purpose). */
    public boolean translated(int index) {
        return KINDS.get(index % KINDS.size()).translated();
    }

    /** How many of the first {@code count} events reach the engine. */
    public long translatedAmong(int count) {
        long n = 0;
        for (int i = 0; i < count; i++) {
            n += translated(i) ? 1 : 0;
        }
        return n;
    }

    /** The event index carried by a Uniqueid of this mix, or -1 for another one. */
    public static long indexOf(String uniqueId) {
        return uniqueId.startsWith(UNIQUEID_PREFIX) ? Long.parseLong(uniqueId.substring(UNIQUEID_PREFIX.length())) : -1;
    }
}
