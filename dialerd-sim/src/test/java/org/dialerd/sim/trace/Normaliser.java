package org.dialerd.sim.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a packet stream comparable: drops the VarSet/Newexten flood, replaces channel suffixes
 * by their order of appearance per base name (Local/1001@agents-00000014;1 becomes
 * Local/1001@agents-#1;1), uniqueids/linkedids by the channel that owns them, bridge ids by
 * their order, and masks wall-clock values (timestamps, session ids, ports).
 */
public final class Normaliser {

    public static final Set<String> IGNORED_EVENTS = Set.of("VarSet", "Newexten");
    /** Wall-clock or connection-specific values; "0" is kept where it means "never". */
    private static final Set<String> MASKED = Set.of("EventTV", "SessionTV", "SessionID", "RemoteAddress",
            "LocalAddress", "Timestamp", "LoginTime", "LastCall", "LastPause", "LoggedInTime", "Uptime",
            "LastReload", "CoreStartupDate", "CoreStartupTime", "CoreReloadDate", "CoreReloadTime", "Challenge");
    private static final Set<String> ZERO_MEANS_NEVER = Set.of("LoginTime", "LastCall", "LastPause");
    private static final Pattern CHANNEL = Pattern.compile("([A-Za-z]+/[^\\s,;|]+?)-([0-9a-f]{8})");

    private final Map<String, Map<String, Integer>> suffixes = new HashMap<>();
    private final Map<String, String> uniqueids = new HashMap<>();
    private final Map<String, String> bridges = new HashMap<>();

    public List<Packet> normalise(List<Packet> in) {
        List<Packet> out = new ArrayList<>();
        for (Packet p : in) {
            String ev = p.get("Event");
            if (ev != null && IGNORED_EVENTS.contains(ev)) {
                continue;
            }
            if ("Newchannel".equals(ev)) {
                uniqueids.put(p.get("Uniqueid"), channels(p.get("Channel")));
            }
            List<Map.Entry<String, String>> f = new ArrayList<>();
            for (Map.Entry<String, String> e : p.fields()) {
                f.add(Map.entry(e.getKey(), value(e.getKey(), e.getValue())));
            }
            out.add(new Packet(p.timeMillis(), f));
        }
        return out;
    }

    private String value(String key, String v) {
        if (MASKED.contains(key)) {
            return v.equals("0") && ZERO_MEANS_NEVER.contains(key) ? v : "<masked>";
        }
        // Status spells it "BridgeID", CoreShowChannel "BridgeId", transfer events prefix it
        // (ToBridgeUniqueid, OrigBridgeUniqueid, DestBridgeUniqueid): the same bridge ids.
        if (key.endsWith("BridgeUniqueid") || (key.equals("BridgeId") || key.equals("BridgeID")) && !v.isEmpty()) {
            return bridges.computeIfAbsent(v, x -> "bridge#" + (bridges.size() + 1));
        }
        if ((key.endsWith("Uniqueid") || key.endsWith("Linkedid")) && v.matches("\\d+\\.\\d+")) {
            String owner = uniqueids.get(v);
            return owner != null ? "uid(" + owner + ")" : "uid(?)";
        }
        return channels(v);
    }

    private String channels(String v) {
        if (v == null || v.indexOf('/') < 0) {
            return v;
        }
        Matcher m = CHANNEL.matcher(v);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Map<String, Integer> perBase = suffixes.computeIfAbsent(m.group(1), k -> new HashMap<>());
            int n = perBase.computeIfAbsent(m.group(2), k -> perBase.size() + 1);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "-#" + n));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
