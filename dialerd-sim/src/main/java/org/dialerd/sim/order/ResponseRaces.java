package org.dialerd.sim.order;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.dialerd.sim.ami.AmiMessage;

/**
 * The race between an action's Response and the events the action causes, seeded. Asterisk's
 * manager thread writes the response while app_queue (QueueMemberAdded, QueueMemberPause,
 * QueueMemberRemoved), chan_local and the originate thread (Newchannel, LocalBridge, DialBegin),
 * the channel's own thread after a Redirect, and the feature thread after an Atxfer publish the
 * events, so on the wire either can come first. For the actions listed here the response goes
 * after the events half of the time; other actions always answer first.
 *
 * <p>Each choice comes from the seed, the action's identifying headers and how often an action
 * with the same headers came before, so a seed makes the same choice for the same action
 * whatever else a run does. Called on the simulator's engine thread.
 */
final class ResponseRaces {
    /** Actions whose response and events race (lower case, as action names are matched). */
    static final Set<String> RACING = Set.of("queueadd", "queuepause", "queueremove", "originate", "redirect",
            "atxfer", "blindtransfer");
    private static final String[] IDENTITY = {"Queue", "Interface", "Paused", "Channel", "ExtraChannel", "Exten",
            "Context", "ChannelId"};

    private final long seed;
    /** Occurrences per action identity (the n-th pause of one member gets its own draw). */
    private final Map<Long, Integer> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> moved = new ConcurrentHashMap<>();

    ResponseRaces(long seed) {
        this.seed = seed;
    }

    boolean afterEvents(AmiMessage action) {
        String name = action.getOrEmpty("Action").trim().toLowerCase(Locale.ROOT);
        if (!RACING.contains(name)) {
            return false;
        }
        long identity = name.hashCode();
        for (String header : IDENTITY) {
            identity = 31 * identity + action.getOrEmpty(header).hashCode();
        }
        int occurrence = seen.merge(identity, 1, Integer::sum);
        boolean after = new SplittableRandom(seed ^ (identity * 0x9E3779B97F4A7C15L) ^ occurrence).nextBoolean();
        if (after) {
            moved.merge(name, 1L, Long::sum);
        }
        return after;
    }

    /** How many responses went after their events, per action (lower case). */
    Map<String, Long> moved() {
        return new TreeMap<>(moved);
    }
}
