package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Status action prints for a channel, and the channel-side dialplan functions Getvar
 * can read (CHANNEL(), BRIDGEPEER, CALLERID()). Media fields are constant: the recorded
 * Asterisk ran Local channels only, always signed linear.
 */
public final class ChannelStatus {

    private ChannelStatus() {
    }

    /** The Status event body after the snapshot, up to and including {@code Seconds}. */
    public static List<Map.Entry<String, String>> fields(Pbx pbx, Channel ch) {
        List<Map.Entry<String, String>> f = new ArrayList<>(ch.snapshot().fields());
        long secs = (pbx.channels().nowMillis() - ch.createdAtMillis) / 1000;
        f.add(Map.entry("Type", ch.name.substring(0, Math.max(0, ch.name.indexOf('/')))));
        f.add(Map.entry("DNID", ""));
        f.add(Map.entry("EffectiveConnectedLineNum", ch.connectedNum));
        f.add(Map.entry("EffectiveConnectedLineName", ch.connectedName));
        f.add(Map.entry("TimeToHangup", "0"));
        f.add(Map.entry("BridgeID", ch.bridge == null ? "" : ch.bridge.id));
        f.add(Map.entry("Application", ch.application));
        f.add(Map.entry("Data", ch.applicationData));
        f.add(Map.entry("Nativeformats", "(slin)"));
        f.add(Map.entry("Readformat", "slin"));
        f.add(Map.entry("Readtrans", ""));
        f.add(Map.entry("Writeformat", "slin"));
        f.add(Map.entry("Writetrans", ""));
        f.add(Map.entry("Callgroup", "0"));
        f.add(Map.entry("Pickupgroup", "0"));
        f.add(Map.entry("Seconds", Long.toString(secs)));
        return f;
    }

    /** A variable or function read on a channel; unknown names read as empty, as in Asterisk. */
    public static String read(Channel ch, String expr) {
        switch (expr) {
            case "CHANNEL", "CHANNEL(name)": return ch.name;
            case "UNIQUEID", "CHANNEL(uniqueid)": return ch.uniqueid;
            case "CHANNEL(linkedid)": return ch.linkedid;
            case "CHANNEL(state)": return ch.state.desc();
            case "CHANNEL(context)", "CONTEXT": return ch.context;
            case "CHANNEL(exten)", "EXTEN": return ch.exten;
            case "CALLERID(num)": return ch.callerNum;
            case "CALLERID(name)": return ch.callerName;
            case "CONNECTEDLINE(num)": return ch.connectedNum;
            case "CONNECTEDLINE(name)": return ch.connectedName;
            case "BRIDGEPEER": return bridgePeers(ch);
            default: return ch.variables.getOrDefault(expr, "");
        }
    }

    /** Asterisk sets BRIDGEPEER to the other channels of the bridge, comma-separated. */
    private static String bridgePeers(Channel ch) {
        if (ch.bridge == null) {
            return ch.variables.getOrDefault("BRIDGEPEER", "");
        }
        return String.join(",", ch.bridge.channels.stream().filter(c -> c != ch).map(c -> c.name).toList());
    }
}
