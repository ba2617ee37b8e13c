package org.dialerd.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.ami.AmiServer;
import org.dialerd.sim.engine.SimEngine;
import org.dialerd.sim.pbx.Pbx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the PBX from the scenario and replaces it on a restart. A restart is a new process
 * for AMI clients: sessions end, channels/queue members/agent logins are gone
 * (persistentmembers=no), channel and uniqueid counters start again at 0 (traces 15/16 were
 * recorded after 13), and only astdb (with the Custom: device states Asterisk keeps there)
 * survives.
 */
final class PbxLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PbxLifecycle.class);

    private final Scenario scenario;
    private final SimEngine engine;
    private SwitchableSink sink;

    PbxLifecycle(Scenario scenario, SimEngine engine) {
        this.scenario = scenario;
        this.engine = engine;
    }

    /** The first boot, at virtual time 0 and fully booted (clients connect after start()). */
    void bootFirst() {
        engine.pbx(build(scenario.firstChannelSequence(), scenario.firstUniqueid()));
        Pbx pbx = engine.pbx();
        scenario.deviceStates().forEach(pbx.devices()::seed);
        pbx.astdb().putAll(scenario.astdb());
        scenario.holdingBridges().forEach((id, type) -> pbx.bridges().seedHolding(id, type,
                type.equals("parking") ? "Parking" : "AgentPool", type.equals("parking") ? "default" : "<unknown>"));
        pbx.processedCalls(scenario.processedCalls());
    }

    /** On the engine thread: Shutdown, EOF for everyone, listener down, back after the downtime. */
    void restart(Restart plan, AmiServer server) {
        engine.publish(AmiMessage.event("Shutdown").add("Privilege", "system,all").add("Shutdown", "Cleanly")
                .add("Restart", plan.restartFlag() ? "True" : "False").build());
        engine.flushAllEvents();
        engine.sessions().forEach(engine::removeSession);
        server.closeSessions();
        int port = server.port();
        server.stop();
        Pbx old = engine.pbx();
        sink.retire();
        log.info("simulated Asterisk down for {}", plan.downtime());
        engine.scheduler().schedule(plan.downtime(), () -> comeBack(plan, server, port, old));
    }

    private void comeBack(Restart plan, AmiServer server, int port, Pbx old) {
        Pbx pbx = build(0, 0);
        pbx.astdb().putAll(old.astdb());
        for (Map.Entry<String, String> e : old.devices().cached().entrySet()) {
            if (e.getKey().startsWith("Custom:")) {
                pbx.devices().seed(e.getKey(), e.getValue());
            }
        }
        pbx.fullyBooted(false);
        engine.pbx(pbx);
        try {
            server.start(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            log.error("simulated Asterisk: cannot listen again on port {}", port, e);
            return;
        }
        engine.scheduler().schedule(plan.bootTime(), () -> fullyBooted(pbx));
    }

    /** The broadcast form of FullyBooted has Status first, unlike the one sent on login. */
    private void fullyBooted(Pbx pbx) {
        if (engine.pbx() != pbx) {
            return;
        }
        pbx.fullyBooted(true);
        long uptime = pbx.uptimeSeconds();
        pbx.events().publish(AmiMessage.event("FullyBooted").add("Privilege", "system,all")
                .add("Status", "Fully Booted").add("Uptime", uptime).add("LastReload", uptime).build());
    }

    private Pbx build(int firstChannelSequence, long firstUniqueid) {
        sink = new SwitchableSink(engine);
        Pbx pbx = new Pbx(engine.scheduler(), sink, scenario.dialplan(), scenario.epoch().toEpochMilli(),
                firstChannelSequence, firstUniqueid);
        scenario.queues().forEach(pbx.queues()::define);
        scenario.agents().forEach(pbx.agents()::define);
        scenario.phones().forEach(pbx.endpoints()::define);
        return pbx;
    }
}
