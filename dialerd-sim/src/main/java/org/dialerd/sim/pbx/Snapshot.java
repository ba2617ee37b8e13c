package org.dialerd.sim.pbx;

import java.util.Map;
import java.util.List;
import java.util.ArrayList;

/**
 * A channel's identity as AMI events print it, frozen at one instant. Asterisk publishes stasis
 * snapshots, and some events (DialBegin right after app_queue changed the member channel) carry a
 * snapshot older than the channel's current state; keeping snapshots as values lets the
 * simulator reproduce that.
 */
public record Snapshot(String name, ChannelState state, String callerNum, String callerName,
                       String connectedNum, String connectedName, String language, String accountCode,
                       String context, String exten, int priority, String uniqueid, String linkedid) {

    /** The 14 standard channel fields, names prefixed ("Dest", "LocalOne", "Parkee", ...). */
    public List<Map.Entry<String, String>> fields(String prefix) {
        List<Map.Entry<String, String>> f = new ArrayList<>(14);
        f.add(Map.entry(prefix + "Channel", name));
        f.add(Map.entry(prefix + "ChannelState", Integer.toString(state.code())));
        f.add(Map.entry(prefix + "ChannelStateDesc", state.desc()));
        f.add(Map.entry(prefix + "CallerIDNum", callerNum));
        f.add(Map.entry(prefix + "CallerIDName", callerName));
        f.add(Map.entry(prefix + "ConnectedLineNum", connectedNum));
        f.add(Map.entry(prefix + "ConnectedLineName", connectedName));
        f.add(Map.entry(prefix + "Language", language));
        f.add(Map.entry(prefix + "AccountCode", accountCode));
        f.add(Map.entry(prefix + "Context", context));
        f.add(Map.entry(prefix + "Exten", exten));
        f.add(Map.entry(prefix + "Priority", Integer.toString(priority)));
        f.add(Map.entry(prefix + "Uniqueid", uniqueid));
        f.add(Map.entry(prefix + "Linkedid", linkedid));
        return f;
    }

    public List<Map.Entry<String, String>> fields() {
        return fields("");
    }
}
