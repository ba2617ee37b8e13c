package org.dialerd.sim.pbx;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dialerd.sim.clock.VirtualScheduler;

/**
 * The simulated PBX: holds every service and the state they share. Single-threaded by design:
 * the engine runs actions and timers one at a time on one thread, so there are no locks and a
 * run is reproducible.
 */
public final class Pbx {

    private final VirtualScheduler scheduler;
    private final Events events;
    private final ChannelRegistry channels;
    private final DeviceStates devices;
    private final Dialplan dialplan;
    private final ChannelOps ops;
    private final Bridges bridges;
    private final LocalChannels locals;
    private final Endpoints endpoints;
    private final Dialer dialer;
    private final DialplanRunner runner;
    private final Queues queues;
    private final AgentPool agents;
    private final DialApp dialApp;
    private final Originator originator;
    private final Parking parking;
    private final AppRegistry apps;
    private final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, String> astdb = new HashMap<>();
    private final long startedEpochMillis;
    /** Virtual time the PBX started at (0, or the end of a restart's downtime). */
    private final long bootedAtMillis;
    /** False while a restarted PBX is still loading modules (logins get no FullyBooted yet). */
    private boolean fullyBooted = true;
    /** Channels that started a dialplan since boot ("calls processed", CoreProcessedCalls). */
    private long processedCalls;

    public Pbx(VirtualScheduler scheduler, EventSink sink, Dialplan dialplan, long epochMillis,
               int firstChannelSequence, long firstUniqueid) {
        this.scheduler = scheduler;
        this.events = new Events(sink);
        this.bootedAtMillis = scheduler.nowMillis();
        this.startedEpochMillis = epochMillis + bootedAtMillis;
        this.channels = new ChannelRegistry(scheduler, epochMillis, firstChannelSequence, firstUniqueid);
        this.devices = new DeviceStates(events, scheduler);
        devices.channels(channels);
        this.dialplan = dialplan;
        this.ops = new ChannelOps(this);
        this.bridges = new Bridges(events);
        this.locals = new LocalChannels(this);
        this.endpoints = new Endpoints(this);
        this.dialer = new Dialer(this);
        this.runner = new DialplanRunner(this);
        this.queues = new Queues(this);
        this.agents = new AgentPool(this);
        this.dialApp = new DialApp(this);
        this.originator = new Originator(this);
        this.parking = new Parking(this);
        this.apps = new AppRegistry(this);
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    public Events events() {
        return events;
    }

    public ChannelRegistry channels() {
        return channels;
    }

    public DeviceStates devices() {
        return devices;
    }

    public Dialplan dialplan() {
        return dialplan;
    }

    public ChannelOps ops() {
        return ops;
    }

    public Bridges bridges() {
        return bridges;
    }

    public LocalChannels locals() {
        return locals;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Dialer dialer() {
        return dialer;
    }

    public DialplanRunner runner() {
        return runner;
    }

    public Queues queues() {
        return queues;
    }

    public AgentPool agents() {
        return agents;
    }

    DialApp dialApp() {
        return dialApp;
    }

    public Originator originator() {
        return originator;
    }

    public Parking parking() {
        return parking;
    }

    AppRegistry apps() {
        return apps;
    }

    public Map<String, String> globals() {
        return globals;
    }

    public Map<String, String> astdb() {
        return astdb;
    }

    public long startedEpochMillis() {
        return startedEpochMillis;
    }

    /** Seconds since "boot" (FullyBooted Uptime, CoreStatus). */
    public long uptimeSeconds() {
        return (scheduler.nowMillis() - bootedAtMillis) / 1000;
    }

    public long processedCalls() {
        return processedCalls;
    }

    /** Seeds the counter with what a long-running Asterisk had processed before a recording. */
    public void processedCalls(long calls) {
        this.processedCalls = calls;
    }

    void countProcessedCall() {
        processedCalls++;
    }

    /** pbx.c's "active calls" (CoreCurrentCalls): channels running a dialplan right now. */
    public long activeCalls() {
        return channels.all().stream().filter(c -> c.hasPbx).count();
    }

    public boolean fullyBooted() {
        return fullyBooted;
    }

    public void fullyBooted(boolean booted) {
        this.fullyBooted = booted;
    }
}
