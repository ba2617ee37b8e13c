package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A queue's members, waiting callers and statistics (what QueueStatus/QueueSummary report). */
public final class Queue {

    final QueueConfig config;
    final Map<String, QueueMember> members = new LinkedHashMap<>();
    final List<QueueCall> callers = new ArrayList<>();
    int completed;
    int abandoned;
    int completedInServiceLevel;
    int abandonedInServiceLevel;
    /** Running averages: the first sample as is, then (old * 3 + new) / 4 as app_queue does. */
    int holdtime;
    int talktime;
    int rrpos;

    Queue(QueueConfig config) {
        this.config = config;
    }

    public String name() {
        return config.name();
    }

    public QueueConfig config() {
        return config;
    }

    /** Members in app_queue's container iteration order. */
    public List<QueueMember> membersInOrder() {
        List<QueueMember> list = new ArrayList<>(members.values());
        list.sort(Comparator.comparingInt((QueueMember m) -> m.hashOrder).thenComparingLong(m -> m.addedSeq));
        return list;
    }

    public Optional<QueueMember> member(String iface) {
        return Optional.ofNullable(members.get(iface));
    }

    public int callerCount() {
        return callers.size();
    }

    boolean anyAvailable() {
        return members.values().stream().anyMatch(QueueMember::available);
    }

    void recordHoldtime(int seconds) {
        holdtime = holdtime == 0 ? seconds : (holdtime * 3 + seconds) / 4;
    }

    void recordCompleted(int talkSeconds, int holdSeconds) {
        completed++;
        talktime = talktime == 0 ? talkSeconds : (talktime * 3 + talkSeconds) / 4;
        if (holdSeconds <= config.serviceLevel()) {
            completedInServiceLevel++;
        }
    }

    void recordAbandoned(long holdSeconds) {
        abandoned++;
        if (holdSeconds <= config.serviceLevel()) {
            abandonedInServiceLevel++;
        }
    }

    String serviceLevelPerf() {
        int total = completed + abandoned;
        return total == 0 ? "0.0" : String.format("%.1f", 100.0 * completedInServiceLevel / Math.max(1, completed));
    }

    String serviceLevelPerf2() {
        int total = completed + abandoned;
        return total == 0 ? "0.0"
                : String.format("%.1f", 100.0 * (completedInServiceLevel + abandonedInServiceLevel) / total);
    }

    /** app_queue's queue container: 53 buckets of ast_str_case_hash(name). */
    static int hashBucket(String name) {
        int h = 5381;
        for (char c : name.toLowerCase().toCharArray()) {
            h = (h * 33) ^ c;
        }
        return (h & 0x7fffffff) % 53;
    }
}
