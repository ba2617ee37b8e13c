package org.dialerd.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dialerd.sim.order.EventOrder;
import org.dialerd.sim.pbx.Dialplan;
import org.dialerd.sim.pbx.PhoneBehaviour;
import org.dialerd.sim.pbx.QueueConfig;

/**
 * Everything the simulated Asterisk is configured with before it starts: manager users,
 * dialplan, queues, app_agent_pool agents, PJSIP phones, and the clock/identity seeds that make a
 * run reproducible. {@link #recorded()} is the configuration the AMI recordings were made with.
 *
 * <pre>
 * Scenario s = Scenario.recorded().phone("1005", PhoneBehaviour.answersAfter(Duration.ofSeconds(2)));
 * </pre>
 */
public final class Scenario {

    /** The recordings' manager.conf user. */
    public static final String DEFAULT_USER = "dialerd";
    public static final String DEFAULT_SECRET = "dialerd";

    private final Map<String, String> users = new LinkedHashMap<>();
    private final Dialplan dialplan = new Dialplan();
    private final List<QueueConfig> queues = new ArrayList<>();
    private final Map<String, String> agents = new LinkedHashMap<>();
    private final Map<String, PhoneBehaviour> phones = new LinkedHashMap<>();
    private final Map<String, String> deviceStates = new LinkedHashMap<>();
    private final Map<String, String> astdb = new LinkedHashMap<>();
    private Instant epoch = Instant.now();
    private int firstChannelSequence;
    private long firstUniqueid;
    private String banner = "Asterisk Call Manager/11.0.0";
    private final Map<String, String> holdingBridges = new LinkedHashMap<>();
    private long processedCalls;
    private EventOrder eventOrder = EventOrder.NATURAL;

    /** An empty PBX with the default manager user. */
    public static Scenario empty() {
        return new Scenario().managerUser(DEFAULT_USER, DEFAULT_SECRET);
    }

    /** The PBX of the recordings in testdata/ami-traces: its dialplan, queues 8000/8001, agents 9000/9001. */
    public static Scenario recorded() {
        Scenario s = empty();
        RecordedSetup.apply(s);
        return s;
    }

    public Scenario managerUser(String user, String secret) {
        users.put(user, secret);
        return this;
    }

    public Dialplan dialplan() {
        return dialplan;
    }

    public Scenario queue(QueueConfig config) {
        queues.removeIf(q -> q.name().equals(config.name()));
        queues.add(config);
        return this;
    }

    public Scenario agent(String id, String fullName) {
        agents.put(id, fullName);
        return this;
    }

    /** A PJSIP endpoint {@code PJSIP/<endpoint>} that behaves as told when called. */
    public Scenario phone(String endpoint, PhoneBehaviour behaviour) {
        phones.put(endpoint, behaviour);
        return this;
    }

    /** Seeds the device-state cache (Asterisk only reports changes of cached devices). */
    public Scenario deviceState(String device, String state) {
        deviceStates.put(device, state);
        return this;
    }

    /**
     * An astdb entry the PBX starts with, e.g. FreePBX's dynamic queue members
     * {@code astdb("QPENALTY", "8000/agents/1001", "0")} ({@code database show QPENALTY} lists it).
     */
    public Scenario astdb(String family, String key, String value) {
        astdb.put("/" + family + "/" + key, value);
        return this;
    }

    /**
     * A holding bridge the PBX already has at start, as a long-running Asterisk keeps them until
     * shutdown (BridgeList shows them): {@code agent_hold} (app_agent_pool, then used by
     * AgentLogin) or {@code parking} (lot {@code default}).
     */
    public Scenario holdingBridge(String type, String uniqueid) {
        if (!type.equals("agent_hold") && !type.equals("parking")) {
            throw new IllegalArgumentException("holding bridge type must be agent_hold or parking, got " + type);
        }
        holdingBridges.put(uniqueid, type);
        return this;
    }

    /** Calls processed before the start (a long-running Asterisk's "calls processed" counter). */
    public Scenario processedCalls(long calls) {
        this.processedCalls = calls;
        return this;
    }

    /** Wall-clock instant that virtual time 0 maps to (uniqueids, LoginTime, EventTV). */
    public Scenario epoch(Instant instant) {
        this.epoch = instant;
        return this;
    }

    /** First Local/PJSIP channel suffix and first uniqueid counter (Asterisk counts from boot). */
    public Scenario sequences(int channelSequence, long uniqueid) {
        this.firstChannelSequence = channelSequence;
        this.firstUniqueid = uniqueid;
        return this;
    }

    /**
     * The order of the AMI output where real Asterisk's threads race, e.g.
     * {@code EventOrder.raceWindows(seed)}; {@link EventOrder#NATURAL} (the default) is the model's order.
     */
    public Scenario eventOrder(EventOrder policy) {
        this.eventOrder = Objects.requireNonNull(policy, "policy");
        return this;
    }

    public Scenario banner(String value) {
        this.banner = value;
        return this;
    }

    /** Fails fast with the setting to fix. */
    void validate() {
        if (users.isEmpty()) {
            throw new IllegalStateException("scenario has no manager user: call managerUser(user, secret)");
        }
        if (firstChannelSequence < 0 || firstUniqueid < 0) {
            throw new IllegalStateException("scenario sequences must be >= 0, got " + firstChannelSequence
                    + "/" + firstUniqueid);
        }
        if (banner == null || banner.isBlank()) {
            throw new IllegalStateException("scenario banner must not be blank");
        }
    }

    Map<String, String> users() {
        return users;
    }

    List<QueueConfig> queues() {
        return queues;
    }

    Map<String, String> agents() {
        return agents;
    }

    Map<String, PhoneBehaviour> phones() {
        return phones;
    }

    Map<String, String> deviceStates() {
        return deviceStates;
    }

    Instant epoch() {
        return epoch;
    }

    int firstChannelSequence() {
        return firstChannelSequence;
    }

    long firstUniqueid() {
        return firstUniqueid;
    }

    Map<String, String> astdb() {
        return astdb;
    }

    Map<String, String> holdingBridges() {
        return holdingBridges;
    }

    long processedCalls() {
        return processedCalls;
    }

    String banner() {
        return banner;
    }

    EventOrder eventOrder() {
        return eventOrder;
    }
}
