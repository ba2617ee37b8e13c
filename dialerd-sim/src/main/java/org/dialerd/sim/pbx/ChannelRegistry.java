package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.sim.clock.VirtualScheduler;

/**
 * Creates and indexes live channels. Names follow Asterisk: {@code Local/1001@agents-0000000a;1}
 * (8 lower-case hex digits from one global sequence per Local pair) and
 * {@code PJSIP/1001-00000003}; uniqueids are {@code <epoch seconds>.<global counter>}.
 */
public final class ChannelRegistry {

    private final Map<String, Channel> byName = new LinkedHashMap<>();
    private final VirtualScheduler clock;
    private final long epochMillis;
    private int sequence;
    private long uniqueCounter;

    ChannelRegistry(VirtualScheduler clock, long epochMillis, int firstSequence, long firstUniqueid) {
        this.clock = clock;
        this.epochMillis = epochMillis;
        this.sequence = firstSequence;
        this.uniqueCounter = firstUniqueid;
    }

    /** Wall-clock seconds of the virtual now, as Asterisk prints in uniqueids and LoginTime. */
    public long epochSeconds() {
        return (epochMillis + clock.nowMillis()) / 1000;
    }

    public long epochMillis() {
        return epochMillis + clock.nowMillis();
    }

    public String nextUniqueid() {
        return epochSeconds() + "." + uniqueCounter++;
    }

    String nextSuffix() {
        return String.format("%08x", sequence++);
    }

    Channel create(String name, String uniqueid, String linkedid, String device, ChannelState state,
                   String context, String exten) {
        String uid = uniqueid != null ? uniqueid : nextUniqueid();
        Channel ch = new Channel(name, uid, linkedid != null ? linkedid : uid, device, state, context, exten,
                clock.nowMillis());
        byName.put(name, ch);
        return ch;
    }

    void remove(Channel ch) {
        byName.remove(ch.name);
    }

    public Optional<Channel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Channel> findByUniqueid(String uid) {
        return byName.values().stream().filter(c -> c.uniqueid.equals(uid)).findFirst();
    }

    public Collection<Channel> all() {
        return List.copyOf(byName.values());
    }

    public List<Channel> matching(java.util.regex.Pattern p) {
        List<Channel> out = new ArrayList<>();
        for (Channel c : byName.values()) {
            if (p.matcher(c.name).find()) {
                out.add(c);
            }
        }
        return out;
    }

    public int size() {
        return byName.size();
    }

    /** Milliseconds since the engine started (virtual). */
    public long nowMillis() {
        return clock.nowMillis();
    }
}
