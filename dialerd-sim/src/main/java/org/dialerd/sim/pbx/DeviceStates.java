package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Device state engine. Cachable devices (Queue:*, Custom:*, Agent:*) publish
 * DeviceStateChange only when their state changes, as Asterisk's devstate cache does; Local
 * channel devices are not cachable in chan_local and publish on every state change of any of
 * their channels, hence the duplicate INUSE events in the recordings.
 */
public final class DeviceStates {

    private final Events events;
    private final Map<String, String> cache = new HashMap<>();
    private final List<BiConsumer<String, String>> listeners = new ArrayList<>();
    private ChannelRegistry channels;

    private final org.dialerd.sim.clock.VirtualScheduler scheduler;

    DeviceStates(Events events, org.dialerd.sim.clock.VirtualScheduler scheduler) {
        this.events = events;
        this.scheduler = scheduler;
    }

    void channels(ChannelRegistry registry) {
        this.channels = registry;
    }

    /** Queue members watch their StateInterface through this. */
    void listen(BiConsumer<String, String> listener) {
        listeners.add(listener);
    }

    /** Pre-seeds the cache, e.g. to match a recording made on a long-running Asterisk. */
    public void seed(String device, String state) {
        cache.put(device, state);
    }

    /** The cache as DeviceStateList reports it. */
    public Map<String, String> cached() {
        return new java.util.TreeMap<>(cache);
    }

    public String state(String device) {
        if (device.startsWith("Local/")) {
            return localState(device);
        }
        String s = cache.get(device);
        if (s != null) {
            return s;
        }
        if (device.startsWith("Agent:")) {
            return "UNAVAILABLE";
        }
        return device.startsWith("Custom:") || device.startsWith("Queue:") ? "UNKNOWN" : "NOT_INUSE";
    }

    /** A cachable device changed: publish only if different from the cached value. */
    public void set(String device, String state) {
        String old = cache.put(device, state);
        if (state.equals(old)) {
            return;
        }
        events.deviceStateChange(device, state);
        notifyListeners(device, state);
    }

    /**
     * A channel of a Local device changed state or hung up: always publish. Like Asterisk's
     * devstate taskprocessor this runs after the current burst of work, so
     * a queue member's QueueMemberStatus already shows the finished call's counters.
     */
    public void localChanged(String device) {
        String state = localState(device);
        scheduler.schedule(0, () -> {
            events.deviceStateChange(device, state);
            notifyListeners(device, state);
        });
    }

    /** Endpoint devices (PJSIP/1001) are cachable in Asterisk. */
    public void endpointChanged(String device, String state) {
        set(device, state);
    }

    private void notifyListeners(String device, String state) {
        for (BiConsumer<String, String> l : List.copyOf(listeners)) {
            l.accept(device, state);
        }
    }

    /** chan_local's devicestate: in use while a pair for that exten@context is intact. */
    private String localState(String device) {
        for (Channel c : channels.onDevice(device)) {
            if (c.isLocalOne() && !c.hungUp && c.localPeer != null
                    && !c.localPeer.hungUp) {
                return "INUSE";
            }
        }
        return "NOT_INUSE";
    }

    /** app_queue's mapping of a device state to a member Status number. */
    public static int memberStatus(String state) {
        switch (state) {
            case "NOT_INUSE": return 1;
            case "INUSE": return 2;
            case "BUSY": return 3;
            case "INVALID": return 4;
            case "UNAVAILABLE": return 5;
            case "RINGING": return 6;
            case "RINGINUSE": return 7;
            case "ONHOLD": return 8;
            default: return 0;
        }
    }
}
