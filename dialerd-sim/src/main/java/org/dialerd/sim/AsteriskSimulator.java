package org.dialerd.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dialerd.sim.actions.ActionDispatcher;
import org.dialerd.sim.actions.ManagerUsers;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.ami.AmiServer;
import org.dialerd.sim.engine.RealTimeDriver;
import org.dialerd.sim.engine.SimEngine;
import org.dialerd.sim.fault.AmiFaults;
import org.dialerd.sim.pbx.OriginateRequest;
import org.dialerd.sim.pbx.Pbx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Asterisk 22 that speaks AMI over TCP. Time is virtual: nothing happens until the
 * test calls {@link #advance(Duration)}, or {@link #startRealTime(double)} maps it onto the wall
 * clock for the demo.
 *
 * <pre>
 * try (AsteriskSimulator sim = AsteriskSimulator.start(Scenario.recorded(), 0)) {
 *     connect a client to 127.0.0.1:sim.port(), log in as dialerd/dialerd ...
 *     sim.inboundCall("5557001", "8001", Duration.ofSeconds(30));
 *     sim.advance(Duration.ofSeconds(5));
 * }
 * </pre>
 */
public final class AsteriskSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsteriskSimulator.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final SimEngine engine;
    private final AmiServer server;
    private final Inbound inbound;
    private final PbxLifecycle lifecycle;
    private RealTimeDriver realTime;

    private AsteriskSimulator(Scenario scenario) {
        scenario.validate();
        this.engine = new SimEngine();
        engine.eventOrder(scenario.eventOrder());
        this.lifecycle = new PbxLifecycle(scenario, engine);
        lifecycle.bootFirst();
        this.server = new AmiServer(scenario.banner(), new ActionDispatcher(engine, new ManagerUsers(scenario.users())));
        this.inbound = new Inbound(engine, scenario.dialplan());
    }

    /** Builds the PBX and listens on 127.0.0.1:{@code port} (0 = any free port). */
    public static AsteriskSimulator start(Scenario scenario, int port) {
        AsteriskSimulator sim = new AsteriskSimulator(scenario);
        try {
            sim.server.start(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            sim.engine.shutdown(SHUTDOWN_TIMEOUT);
            throw new UncheckedIOException("simulator: cannot listen on 127.0.0.1:" + port, e);
        }
        return sim;
    }

    /** The AMI port; stays the same across {@link #restart(Duration)}. */
    public int port() {
        return server.port();
    }

    /** False while a restart keeps the port closed. */
    public boolean isListening() {
        return server.isListening();
    }

    /**
     * Simulates CLI {@code core restart now} at the current virtual time: every client gets a
     * {@code Shutdown} event and EOF, connections are refused for {@code downtime}, then logins
     * succeed and {@code FullyBooted} follows {@link Restart#DEFAULT_BOOT_TIME} later. Calls,
     * queue members and agent logins are lost; astdb survives. The downtime passes on the
     * virtual clock: advance it (or run in real time) for the port to open again.
     */
    public void restart(Duration downtime) {
        restart(Restart.coreRestartNow(downtime));
    }

    /** {@link #restart(Duration)} with the shutdown flavour and boot time spelled out. */
    public void restart(Restart plan) {
        engine.run(() -> lifecycle.restart(plan, server));
    }

    /** Injects these faults into every AMI connection from now on (see {@link AmiFaults}). */
    public void faults(AmiFaults faults) {
        engine.run(() -> server.faults(faults, engine.scheduler()));
    }

    /** Every AMI connection breaks (EOF without Shutdown); Asterisk itself keeps running. */
    public void dropConnections() {
        engine.run(server::dropSessions);
    }

    /** Every AMI connection goes half-open: open, but nothing is read or written any more. */
    public void halfOpen() {
        engine.run(server::silenceSessions);
    }

    /** Moves virtual time forward; every phone, queue and timer due in between acts, in order. */
    public void advance(Duration d) {
        engine.advance(d);
    }

    /** Moves virtual time to {@code millis} since start (no-op if already past). */
    public void advanceTo(long millis) {
        engine.advanceTo(millis);
    }

    public long nowMillis() {
        return engine.nowMillis();
    }

    /** Demo mode: virtual time follows the wall clock ({@code speed} 1.0 = real seconds). */
    public synchronized void startRealTime(double speed) {
        if (realTime == null) {
            realTime = new RealTimeDriver(engine, speed);
            realTime.start();
        }
    }

    /** Runs scenario code on the engine thread (safe to touch the PBX there) and returns its result. */
    public <T> T inPbx(Function<Pbx, T> work) {
        return engine.call(() -> work.apply(engine.pbx()));
    }

    public void withPbx(Consumer<Pbx> work) {
        engine.run(() -> work.accept(engine.pbx()));
    }

    /**
     * An incoming call: caller {@code callerNum} enters {@code queue} and hangs up after
     * {@code patience} unless an agent ends the call first (the traces' Local/<num>@incoming
     * pattern). Returns the name of the caller's phone channel (the Local ;1 half).
     */
    public String inboundCall(String callerNum, String queue, Duration patience) {
        return inbound.call(callerNum, queue, patience);
    }

    /** Originates like the AMI action would, without a client (load generation, demo). */
    public void originate(OriginateRequest request) {
        engine.run(() -> engine.pbx().originator().originate(request, null));
    }

    /** Observes every event the PBX publishes (on the engine thread: keep it short). */
    public void onEvent(Consumer<AmiMessage> listener) {
        engine.addListener(listener);
    }

    /** Observes every event just before it is written to the AMI sessions (engine thread: keep it short). */
    public void onEventBeforeSend(Consumer<AmiMessage> listener) {
        engine.addBeforeSendListener(listener);
    }

    public List<String> channelNames() {
        return inPbx(p -> p.channels().all().stream().map(c -> c.name()).toList());
    }

    /** The mode ChanSpy runs in on the channel of this uniqueid (listen, whisper, barge); empty if none. */
    public Optional<String> chanSpyMode(String uniqueid) {
        return inPbx(p -> p.channels().findByUniqueid(uniqueid).map(c -> c.spyMode()).filter(m -> !m.isEmpty()));
    }

    public Map<String, String> deviceStatesSnapshot(List<String> devices) {
        return inPbx(p -> {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            devices.forEach(d -> m.put(d, p.devices().state(d)));
            return m;
        });
    }

    /** Ordered shutdown: stop time, stop accepting, close sessions, stop the engine. */
    public synchronized void stop() {
        if (realTime != null) {
            realTime.stop();
            realTime = null;
        }
        server.stop();
        engine.sessions().forEach(s -> s.closeAfterFlush());
        engine.shutdown(SHUTDOWN_TIMEOUT);
        log.info("AMI simulator stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
