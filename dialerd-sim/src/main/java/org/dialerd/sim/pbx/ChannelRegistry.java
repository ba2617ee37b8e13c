package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
    /** Live channels by device (chan_local's device state asks for a device's channels at every change). */
    private final Map<String, List<Channel>> byDevice = new HashMap<>();
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
        Channel replaced = byName.put(name, ch);
        if (replaced != null) {
            unindex(replaced);
        }
        byDevice.computeIfAbsent(device, d -> new ArrayList<>(2)).add(ch);
        return ch;
    }

    void remove(Channel ch) {
        Channel removed = byName.remove(ch.name);
        if (removed != null) {
            unindex(removed);
        }
    }

    private void unindex(Channel ch) {
        List<Channel> same = byDevice.get(ch.device);
        if (same != null && same.remove(ch) && same.isEmpty()) {
            byDevice.remove(ch.device);
        }
    }

    /** The live channels of {@code device}, in creation order (a view: do not keep it). */
    public List<Channel> onDevice(String device) {
        return Collections.unmodifiableList(byDevice.getOrDefault(device, List.of()));
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

    /** The {@code index}-th live channel in creation order, without copying the list. */
    public Optional<Channel> at(int index) {
        int i = 0;
        for (Channel c : byName.values()) {
            if (i++ == index) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
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
