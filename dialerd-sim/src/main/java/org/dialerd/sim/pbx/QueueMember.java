package org.dialerd.sim.pbx;

import java.util.List;
import java.util.Map;

/** A queue member's state, and the field block every QueueMember* event carries. */
public final class QueueMember {

    final String queue;
    final String name;
    final String iface;
    final String stateInterface;
    final long loginTime;
    final int hashOrder;
    final long addedSeq;
    int penalty;
    int callsTaken;
    long lastCall;
    long lastPause;
    int status;
    boolean paused;
    String pausedReason = "";
    boolean inCall;
    /** A queue call is ringing this member right now. */
    boolean ringing;

    QueueMember(String queue, String name, String iface, String stateInterface, int penalty, long loginTime,
                long addedSeq) {
        this.queue = queue;
        this.name = name;
        this.iface = iface;
        this.stateInterface = stateInterface;
        this.penalty = penalty;
        this.loginTime = loginTime;
        this.addedSeq = addedSeq;
        this.hashOrder = hashBucket(iface);
    }

    public String iface() {
        return iface;
    }

    public String name() {
        return name;
    }

    public int status() {
        return status;
    }

    public int penalty() {
        return penalty;
    }

    public boolean paused() {
        return paused;
    }

    /** The reason of the pause; empty when not paused. */
    public String pausedReason() {
        return pausedReason;
    }

    /** app_queue's is_member_available: idle or unknown device, not paused. */
    boolean available() {
        return !paused && (status == 1 || status == 0);
    }

    /** QueueMemberAdded/Removed/Status/Pause/Penalty body. */
    List<Map.Entry<String, String>> eventFields() {
        return List.of(Map.entry("Queue", queue), Map.entry("MemberName", name), Map.entry("Interface", iface),
                Map.entry("StateInterface", stateInterface), Map.entry("Membership", "dynamic"),
                Map.entry("Penalty", Integer.toString(penalty)), Map.entry("CallsTaken", Integer.toString(callsTaken)),
                Map.entry("LastCall", Long.toString(lastCall)), Map.entry("LastPause", Long.toString(lastPause)),
                Map.entry("LoginTime", Long.toString(loginTime)), Map.entry("InCall", inCall ? "1" : "0"),
                Map.entry("Status", Integer.toString(status)), Map.entry("Paused", paused ? "1" : "0"),
                Map.entry("PausedReason", pausedReason), Map.entry("Ringinuse", "0"), Map.entry("Wrapuptime", "0"));
    }

    /** QueueStatus' QueueMember body (Name/Location instead of MemberName/Interface, no Ringinuse). */
    List<Map.Entry<String, String>> statusFields() {
        return List.of(Map.entry("Queue", queue), Map.entry("Name", name), Map.entry("Location", iface),
                Map.entry("StateInterface", stateInterface), Map.entry("Membership", "dynamic"),
                Map.entry("Penalty", Integer.toString(penalty)), Map.entry("CallsTaken", Integer.toString(callsTaken)),
                Map.entry("LastCall", Long.toString(lastCall)), Map.entry("LastPause", Long.toString(lastPause)),
                Map.entry("LoginTime", Long.toString(loginTime)), Map.entry("InCall", inCall ? "1" : "0"),
                Map.entry("Status", Integer.toString(status)), Map.entry("Paused", paused ? "1" : "0"),
                Map.entry("PausedReason", pausedReason), Map.entry("Wrapuptime", "0"));
    }

    /**
     * app_queue keeps members in a 37-bucket hash container keyed on the first five characters
     * after the technology's '/'; iteration (QueueStatus order, ring order) follows the buckets.
     */
    static int hashBucket(String iface) {
        int slash = iface.indexOf('/');
        String s = slash >= 0 ? iface.substring(slash) : iface;
        int ret = 0;
        for (int i = 0; i < 5 && i < s.length(); i++) {
            int c = s.charAt(i) & 0x7f;
            int v = c < 32 ? 0 : c > 96 ? c - 64 : c - 32;
            ret += v << (i * 6);
        }
        return Math.floorMod(ret, 37);
    }
}
