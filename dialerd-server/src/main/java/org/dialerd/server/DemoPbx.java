package org.dialerd.server;

import java.util.Deque;
import java.util.List;
import org.dialerd.ami.AmiGateway;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxGateway;
import java.util.Optional;
import org.dialerd.ami.AmiSettings;
import org.dialerd.core.engine.AgentEngineSettings;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;
import org.dialerd.sim.pbx.QueueConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's PBX: the Asterisk simulator in-process, in real time, reached over AMI on
 * loopback exactly as a real Asterisk would be. Extensions 1001–1010 are phones that answer
 * after a second ({@code Local/NNNN@agents}); app_agent_pool agents 9000–9004; queues 8000
 * (outgoing campaign), 8001 (incoming) and 8002 (the preview campaign).
 */
public final class DemoPbx {
    private static final Logger log = LoggerFactory.getLogger(DemoPbx.class);
    static final String DIAL_TEMPLATE = "Local/{ext}@agents";
    /** Test customers: the recorded dialplan's {@code customers} context (most answer after 2 s, talk 20 s). */
    public static final String CUSTOMER_TEMPLATE = "Local/{phone}@customers";
    /** Demo customers: mixed outcomes by number (see {@link #addDemoCustomers}). */
    static final String DEMO_CUSTOMER_TEMPLATE = "Local/{phone}@demo-customers";
    static final List<String> DEMO_QUEUES = List.of("8000", "8001");
    /** The preview campaign's queue (sql/demo-dialer.sql): agents SIP/1006 and SIP/1007 only. */
    static final String PREVIEW_QUEUE = "8002";

    private DemoPbx() {
    }

    static Dialerd.PbxSide start(Deque<AutoCloseable> resources, org.dialerd.ami.AmiMetrics metrics) {
        Scenario scenario = Scenario.recorded();
        addDemo(scenario);
        AsteriskSimulator simulator = AsteriskSimulator.start(scenario, 0);
        resources.push(simulator);
        simulator.startRealTime(1.0);
        log.info("simulated Asterisk listening on 127.0.0.1:{}", simulator.port());
        AmiSettings ami = AmiSettings.of("127.0.0.1", Scenario.DEFAULT_USER, Scenario.DEFAULT_SECRET)
                .withPort(simulator.port());
        ExtensionDirectory template = ExtensionDirectory.template(DIAL_TEMPLATE);
        ExtensionDirectory demoExtensions = extension -> extension != null && extension.matches("10(0[1-9]|10)")
                ? template.dialString(extension) : Optional.empty();
        AmiGateway gateway = PbxStartup.create(ami, resources, metrics);
        gateway.addListener(event -> {
            if (event instanceof PbxEvent.Connected) {
                addStaticMembers(gateway);
            }
        });
        resources.push(DemoTraffic.start(simulator));
        return new Dialerd.PbxSide(gateway, demoExtensions, AgentEngineSettings.DEFAULTS).withDialer(
                dialer(Identifiers.uniqueIdPrefix()));
    }

    /** What the demo adds to the recorded PBX: the campaign context, agents 9002–9004 and {@link #addDemoExtras}. */
    static void addDemo(Scenario scenario) {
        addCampaignContext(scenario);
        for (int agent = 9002; agent <= 9004; agent++) {
            scenario.agent(String.valueOf(agent), "Agent " + agent);
        }
        addDemoExtras(scenario);
    }

    /**
     * The demo's own PBX parts beyond what the tests' PBX has too (tests build the demo's PBX
     * with it): transfer targets, the demo's customers, the safe-harbour message, the preview
     * campaign's queue 8002.
     */
    public static void addDemoExtras(Scenario scenario) {
        addTransferTargets(scenario);
        addDemoCustomers(scenario);
        addSafeHarbour(scenario);
        scenario.queue(QueueConfig.of(PREVIEW_QUEUE, QueueConfig.Strategy.RRMEMORY));
    }

    /** The demo's dialer: its customers, its round interval (dialer.entretiempo). */
    public static DialerSettings dialer(String uniqueIdPrefix) {
        return DialerSettings.followingEntretiempo(DEMO_CUSTOMER_TEMPLATE, uniqueIdPrefix);
    }

    /**
     * The safe-harbour target of campaign 1 in sql/demo-dialer.sql ({@code demo-safe-harbour,s,1}):
     * answer, play the message, give it 2 s, hang up (docs/dialer.md shows the real dialplan).
     */
    static void addSafeHarbour(Scenario scenario) {
        scenario.dialplan().context("demo-safe-harbour")
                .exten("s", "Answer()", "Playback(dialerd/safe-harbour)", "Wait(2)", "Hangup()");
    }

    /**
     * The demo campaign's numbers (5551000–5551049) answer, are busy, never answer or hang up
     * quickly, by their second-to-last digit, so a console sees every outcome within minutes.
     */
    static void addDemoCustomers(Scenario scenario) {
        scenario.dialplan().context("demo-customers")
                .exten("_555101X", "NoOp()", "Busy(10)")
                .exten("_555102X", "NoOp()", "Ringing()", "Wait(60)", "Hangup()")
                .exten("_555103X", "NoOp()", "Ringing()", "Wait(2)", "Answer()", "Wait(4)", "Hangup()")
                .exten("_X.", "NoOp()", "Ringing()", "Wait(3)", "Answer()", "Wait(45)", "Hangup()");
    }

    /**
     * The campaign context of the demo data ({@code from-internal}): an answered campaign call
     * enters the campaign's queue, as FreePBX's from-internal does for a queue number.
     */
    public static void addCampaignContext(Scenario scenario) {
        scenario.dialplan().context("from-internal").exten("_800X", "NoOp(campaign=${ID_CAMPAIGN} call=${ID_CALL})",
                "Queue(${EXTEN},tT,,,300)", "Hangup()");
        // A call schedulecall reserved for an agent goes straight to the agent's extension.
        scenario.dialplan().context("llamada_agendada").exten("_X.", "NoOp()", "Dial(Local/${EXTEN}@agents,30,tT)",
                "Hangup()");
    }

    /**
     * Transfers dial in {@code from-internal}, as on FreePBX: the demo's extensions 1001–1010 ring
     * their phones there too, so blind and attended transfers from a console reach a person.
     */
    static void addTransferTargets(Scenario scenario) {
        scenario.dialplan().context("from-internal").exten("_10XX", "NoOp()", "Dial(" + DIAL_TEMPLATE
                .replace("{ext}", "${EXTEN}") + ",30,tT)", "Hangup()");
    }

    /**
     * What queues.conf does on a real PBX: app_agent_pool agents 9000–9004 are static members of
     * the demo queues, so a logged-in static agent gets calls and breaks pause it in Asterisk.
     */
    public static void addStaticMembers(PbxGateway gateway) {
        for (String queue : DEMO_QUEUES) {
            for (int agent = 9000; agent <= 9004; agent++) {
                gateway.send(new PbxAction.QueueAdd(queue, "Local/" + agent + "@agent-request", "Agent " + agent,
                        "Agent:" + agent, 0, false));
            }
        }
    }
}
