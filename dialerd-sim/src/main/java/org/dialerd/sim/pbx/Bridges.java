package org.dialerd.sim.pbx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.dialerd.sim.ami.AmiMessage;

/**
 * Creates bridges and publishes BridgeCreate/Enter/Leave/Destroy. Bridge ids are UUIDs drawn
 * from a seeded generator so that runs are reproducible.
 */
public final class Bridges {

    private final Events events;
    private final Map<String, Bridge> live = new LinkedHashMap<>();
    private final Random random = new Random(0x5eed);

    Bridges(Events events) {
        this.events = events;
    }

    public Bridge createBasic() {
        return create("basic", "simple_bridge", "<unknown>", "<unknown>");
    }

    /** A holding bridge, created silently (no BridgeCreate in the recordings). */
    public Bridge createHolding(String type, String creator) {
        return createHolding(type, creator, "<unknown>");
    }

    public Bridge createHolding(String type, String creator, String name) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        Bridge b = new Bridge(id.toString(), type, "holding_bridge", creator, name);
        live.put(b.id, b);
        return b;
    }

    /**
     * A holding bridge that already exists when the simulation starts: a long-running Asterisk
     * keeps app_agent_pool's and each parking lot's bridge until shutdown, and BridgeList shows them.
     */
    public Bridge seedHolding(String id, String type, String creator, String name) {
        Bridge b = new Bridge(id, type, "holding_bridge", creator, name);
        live.put(b.id, b);
        return b;
    }

    /** The live holding bridge of this type (agent_hold, parking), if one was created or seeded. */
    public Optional<Bridge> holding(String type) {
        return live.values().stream().filter(b -> b.type.equals(type) && b.technology.equals("holding_bridge"))
                .findFirst();
    }

    public Bridge create(String type, String technology, String creator, String name) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        Bridge b = new Bridge(id.toString(), type, technology, creator, name);
        live.put(b.id, b);
        events.publish(header("BridgeCreate", b).build());
        return b;
    }

    public void enter(Bridge b, Channel ch) {
        if (ch.bridge != null) {
            leave(ch);
        }
        b.channels.add(ch);
        ch.bridge = b;
        events.publish(header("BridgeEnter", b).addAll(ch.snapshot().fields()).build());
    }

    /** Removes the channel and tells the bridge's listener (which may dissolve the bridge). */
    public void leave(Channel ch) {
        Bridge b = ch.bridge;
        if (b == null) {
            return;
        }
        b.channels.remove(ch);
        ch.bridge = null;
        // Leaving a bridge gives a channel the bridge's cause if it had none (a later hang-up
        // without Cause then reports 16, not 0).
        if (ch.hangupCause == 0) {
            ch.hangupCause = HangupCause.NORMAL_CLEARING;
        }
        events.publish(header("BridgeLeave", b).addAll(ch.snapshot().fields()).build());
        if (b.listener != null) {
            b.listener.left(b, ch);
        }
    }

    /** Holding bridges (agent_hold) publish Enter/Leave but no Create/Destroy. */
    public void enterHolding(Bridge b, Channel ch) {
        enter(b, ch);
    }

    public void leaveHolding(Channel ch) {
        leave(ch);
    }

    /** Tells the bridge's owner (app_queue) that a BlindTransfer starts from {@code transferer}. */
    public void blindTransfer(Bridge b, Channel transferer) {
        if (b.listener != null) {
            b.listener.blindTransfer(b, transferer);
        }
    }

    public void destroy(Bridge b) {
        if (b.destroyed) {
            return;
        }
        b.destroyed = true;
        live.remove(b.id);
        events.publish(header("BridgeDestroy", b).build());
    }

    public Optional<Bridge> find(String id) {
        return Optional.ofNullable(live.get(id));
    }

    public List<Bridge> all() {
        return List.copyOf(live.values());
    }

    AmiMessage.Builder header(String event, Bridge b) {
        return events.call(event).addAll(fields(b));
    }

    public static List<Map.Entry<String, String>> fields(Bridge b) {
        return List.of(Map.entry("BridgeUniqueid", b.id), Map.entry("BridgeType", b.type),
                Map.entry("BridgeTechnology", b.technology), Map.entry("BridgeCreator", b.creator),
                Map.entry("BridgeName", b.name), Map.entry("BridgeNumChannels", Integer.toString(b.channels.size())),
                Map.entry("BridgeVideoSourceMode", "none"));
    }
}
