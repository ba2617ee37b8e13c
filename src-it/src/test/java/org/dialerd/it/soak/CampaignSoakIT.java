package org.dialerd.it.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import org.dialerd.ami.AmiGateway;
import org.dialerd.core.engine.AgentEngine;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.core.engine.EngineBacklog;
import org.dialerd.it.Awaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.it.dialer.GroundTruth;
import org.dialerd.sim.Scenario;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.fault.AmiFaults;
import org.dialerd.sim.order.EventOrder;
import org.dialerd.sim.order.RaceWindows;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Virtual time of an outgoing campaign (by default {@value #DEFAULT_MINUTES} minutes, see below), with incoming calls and agents who take breaks and
 * log out and in, through the whole chain: the simulated Asterisk on virtual time, asterisk-java
 * over TCP, dialerd's engine, dialer, journal and the embedded MariaDB. The simulator's AMI
 * output follows {@link RaceWindows} (seeded: event races and response-versus-event races) and
 * {@link AmiFaults} loses, delays (past the action timeout: late) and invents (orphan)
 * responses and loses a few OriginateResponse events. The clock moves one second at a time;
 * after each step {@link SoakBarrier} waits until dialerd's engine has handled everything the
 * PBX said, so dialerd's timestamps are the PBX's.
 *
 * <p>Checked every virtual minute: the campaign's channels never exceed max_canales, the
 * journal backlog, the engine's per-call maps and the AMI gateway's pending replies stay
 * bounded, and each agent's state in dialerd is Asterisk's. At the end, with the campaign
 * stopped and the calls gone: every calls row final and equal to what the PBX did (a call whose
 * messages were lost at least has a complete progress log), every incoming call finished as the
 * PBX says, nothing left in current_calls, no agent on a call, all maps empty.
 *
 * <p>Length and rate, measured on the 2-core build machine (load average above 20 from
 * parallel builds): the chain takes 8 to 16 s of real time per virtual minute. The dialer's
 * rounds run on real time (each reads the campaign after its writes) while the clock moves
 * only between steps, so the rounds a virtual second gets, and with them the originates, are
 * the machine's: from 0.75 to 4.2 originates per virtual second with the same seed. Each step
 * therefore waits for a round that decided on what the step brought ({@link SoakBarrier}):
 * every virtual second has at least one, and {@link #MIN_RATE} is a floor for that. One
 * virtual hour over real AMI does not fit the suite's budget, at 200 originates/s nor at
 * this rate (about 10 minutes), so by default this runs {@value #DEFAULT_MINUTES} virtual minutes (about 2 to 3 minutes here);
 * {@code -Dsoak.minutes=60} runs the hour. The engine's own hour at 200 originates/s over an
 * in-memory PBX stays in dialerd-core (DialerSoakTest). {@code -Dsoak.seed=S} chooses another
 * seed; a failure names its seed.
 */
class CampaignSoakIT {
    private static final Logger log = LoggerFactory.getLogger(CampaignSoakIT.class);
    private static final long SEED = Long.getLong("soak.seed", 20261202L);
    static final int DEFAULT_MINUTES = 15;
    private static final int MINUTES = Integer.getInteger("soak.minutes", DEFAULT_MINUTES);
    private static final int CAMPAIGN = 1;
    private static final int TRIES = 2;
    private static final int MAX_CHANNELS = 60;
    private static final int SHORT_CALL_SECONDS = 4;
    private static final String CONTEXT = "soak-customers";
    /** The ActionID dialerd gives a campaign call's Originate (OutboundDialer). */
    private static final Pattern DIALER_ACTION_ID = Pattern.compile("dialerd-(\\d+)-(\\d+)-\\d+");
    private static final Duration STEP = Duration.ofSeconds(1);
    /**
     * Real time: how long a request whose AMI answer was lost waits. Short, so that the hour's
     * lost answers cost little; long enough for a loaded machine to answer the others.
     */
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(2);
    private static final DialerSettings DIALER = new DialerSettings("Local/{phone}@" + CONTEXT, Duration.ofMillis(10),
            PbxHarness.DIALER_UNIQUEID_PREFIX);
    /** Bounds for what may pile up: far above a steady state, far below an hour's growth. */
    /** Virtual time a delayed answer waits: many steps, so far more real time than the action timeout. */
    private static final Duration LATE = Duration.ofMinutes(3);
    private static final int MAX_JOURNAL_BACKLOG = 20_000;
    private static final int MAX_ENGINE_ENTRIES = 2 * MAX_CHANNELS + 40;
    private static final int MAX_PENDING_REPLIES = 500;
    /** The least rate this run must reach (originates per virtual second). */
    private static final double MIN_RATE = Double.parseDouble(System.getProperty("soak.min_rate", "0.8"));

    private static void addCustomers(Scenario scenario, EventOrder order) {
        scenario.dialplan().context(CONTEXT)
                .exten("_61XXXXX", "NoOp()", "Ringing()", "Wait(1)", "Answer()", "Wait(6)", "Hangup()")
                .exten("_62XXXXX", "NoOp()", "Ringing()", "Wait(1)", "Answer()", "Wait(2)", "Hangup()")
                .exten("_63XXXXX", "NoOp()", "Busy(10)")
                .exten("_64XXXXX", "NoOp()", "Ringing()", "Wait(60)", "Hangup()")
                .exten("_65XXXXX", "NoOp()", "Congestion(10)")
                .exten("_66XXXXX", "NoOp()", "Ringing()", "Wait(1)", "Hangup(21)");
        scenario.eventOrder(order);
        SoakBarrier.addTo(scenario);
    }

    @Test
    void aCampaignWithRacesAndLostLateAndOrphanResponsesLeavesNothingStuck() {
        try {
            soak();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("soak with seed " + SEED + " (-Dsoak.seed=" + SEED + "): " + e.getMessage(), e);
        }
    }

    private void soak() {
        long started = System.nanoTime();
        RaceWindows order = (RaceWindows) EventOrder.raceWindows(SEED);
        try (PbxHarness pbx = PbxHarness.start(ami -> ami.withActionTimeout(ACTION_TIMEOUT),
                scenario -> addCustomers(scenario, order), DIALER, "sql/campaign-soak.sql")) {
            SoakRecords db = new SoakRecords(pbx.dataSource(), CAMPAIGN);
            Map<String, Long> callIds = db.callIds();
            GroundTruth truth = new GroundTruth(callIds.keySet(), CONTEXT, TRIES, SHORT_CALL_SECONDS);
            Map<String, Boolean> incoming = new ConcurrentHashMap<>();
            pbx.simulator().onEvent(truth);
            pbx.simulator().onEvent(e -> {
                if (e.getOrEmpty("Queue").equals("8001") && e.getOrEmpty("CallerIDNum").startsWith("043")) {
                    if (e.eventName().equals("QueueCallerJoin")) {
                        incoming.putIfAbsent(e.getOrEmpty("CallerIDNum"), false);
                    } else if (e.eventName().equals("AgentConnect")) {
                        incoming.put(e.getOrEmpty("CallerIDNum"), true);
                    }
                }
            });
            AgentEngine engine = (AgentEngine) pbx.dialerd().services().engine();
            SoakBarrier barrier = new SoakBarrier(pbx, engine);
            AmiFaults faults = AmiFaults.seeded(SEED)
                    .loseResponses("Originate", 0.005)
                    .delayResponses("Originate", 0.005, LATE)
                    .loseResponses("QueuePause", 0.15)
                    .delayResponses("QueuePause", 0.15, LATE)
                    .loseEvents("OriginateResponse", 0.002)
                    .orphanResponses(0.01)
                    // At least one of each, whatever the rates draw in a short run.
                    .loseNextEvent("OriginateResponse").loseNextResponse("Originate")
                    .loseNextResponse("QueuePause");
            try (AgentCrew crew = new AgentCrew(pbx, engine)) {
                pbx.simulator().faults(faults);
                Samples samples = run(pbx, barrier, crew, truth);
                drain(pbx, db, barrier, crew);
                long placed = truth.summary().attempts();
                double rate = placed / (MINUTES * 60.0);
                log.info("soak (seed {}): {} originates in {} virtual minutes ({} /s, {} dialer rounds), {} incoming, {} agent "
                                + "requests, {} ms real; faults: {} lost / {} delayed responses, {} orphans, {} lost events; "
                                + "gateway: {} timed out, {} late, {} unknown; responses after their events {}; most: {}",
                        SEED, placed, MINUTES, String.format("%.2f", rate), engine.dialerRounds(), incoming.size(), crew.operations(),
                        (System.nanoTime() - started) / 1_000_000, faults.lostResponses(), faults.delayedResponses(),
                        faults.orphanResponses(), faults.lostEvents(), pbx.gateway().timedOutActions(),
                        pbx.gateway().lateResponses(), pbx.gateway().unknownResponses(),
                        order.responsesAfterEvents(), samples);
                log.info("agent requests refused or unanswered: {}", crew.refusals());
                assertRecords(db, truth, callIds, faults);
                assertIncoming(pbx, incoming);
                assertTrue(rate >= MIN_RATE, "originates per virtual second: " + rate);
                assertTrue(faults.lostResponses() > 0 && faults.delayedResponses() > 0 && faults.orphanResponses() > 0
                        && faults.lostEvents() > 0, "every kind of fault was injected");
                assertTrue(pbx.gateway().lateResponses() > 0 && pbx.gateway().unknownResponses() > 0,
                        "late and orphan responses reached dialerd");
            }
        }
    }

    /** What the samples saw at most. */
    record Samples(int channels, int journal, int engine, int replies) {
        Samples max(int channels, int journal, EngineBacklog engine, AmiGateway.Backlog replies) {
            return new Samples(Math.max(this.channels, channels), Math.max(this.journal, journal),
                    Math.max(this.engine, engine.largest()), Math.max(this.replies, Math.max(replies.replies(),
                    replies.expectedResponses())));
        }
    }

    private Samples run(PbxHarness pbx, SoakBarrier barrier, AgentCrew crew, GroundTruth truth) {
        long started = System.nanoTime();
        Samples most = new Samples(0, 0, 0, 0);
        int caller = 0;
        for (long second = 1; second <= MINUTES * 60L; second++) {
            if (second % 20 == 0) {
                pbx.simulator().inboundCall(String.format("043%07d", ++caller), "8001", Duration.ofSeconds(25));
            }
            pbx.simulator().advance(STEP);
            EngineBacklog engine = barrier.pass();
            if (second % 60 == 0) {
                // Between samples the truth counts the campaign's channels at every event (mostLive).
                int channels = campaignChannels(pbx);
                assertTrue(channels <= MAX_CHANNELS, channels + " campaign channels at second " + second);
                assertTrue(truth.summary().mostLive() <= MAX_CHANNELS, truth.summary().mostLive()
                        + " campaign channels at once before minute " + second / 60);
                int journal = pbx.dialerd().journal().pending();
                AmiGateway.Backlog replies = pbx.gateway().backlog();
                most = most.max(channels, journal, engine, replies);
                assertTrue(journal <= MAX_JOURNAL_BACKLOG, "journal backlog " + journal + " at minute " + second / 60);
                assertTrue(engine.largest() <= MAX_ENGINE_ENTRIES, "engine " + engine + " at minute " + second / 60);
                assertTrue(replies.replies() <= MAX_PENDING_REPLIES && replies.expectedResponses() <= MAX_PENDING_REPLIES,
                        "AMI " + replies + " at minute " + second / 60);
                crew.assertMatchesThePbx("at minute " + second / 60, false);
                crew.minute(second / 60);
                barrier.pass();
                crew.assertMatchesThePbx("after minute " + second / 60 + "'s requests", false);
                if (second % 600 == 0 || MINUTES <= 5) {
                    log.info("soak minute {}: {} originates, engine {}, journal {}, AMI {}, {} ms real", second / 60,
                            truth.summary().attempts(), engine, journal, replies,
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        assertTrue(truth.summary().mostLive() <= MAX_CHANNELS, truth.summary().mostLive() + " campaign channels at once");
        return most;
    }

    /** The campaign stops; the PBX's calls end by themselves; dialerd catches up. */
    private void drain(PbxHarness pbx, SoakRecords db, SoakBarrier barrier, AgentCrew crew) {
        Sql.update(pbx.dataSource(), "UPDATE campaign SET estatus = 'I' WHERE id = ?", CAMPAIGN);
        // A round whose read began before the update may still dial; the one after it reads 'I'.
        AgentEngine dialerd = (AgentEngine) pbx.dialerd().services().engine();
        long rounds = dialerd.dialerRounds();
        Awaits.until("two dialer rounds after the campaign stopped", Duration.ofSeconds(60),
                () -> dialerd.dialerRounds() >= rounds + 2);
        EngineBacklog engine = barrier.pass();
        for (int second = 0; second < 600 && (engine.largest() > 0 || !pbx.simulator().channelNames().isEmpty()
                || second < 120); second++) {
            pbx.simulator().advance(STEP);
            engine = barrier.pass();
        }
        assertEquals(List.of(), pbx.simulator().channelNames(), "channels left in the PBX");
        assertEquals(new EngineBacklog(0, 0, 0, 0, 0), engine, "calls dialerd still follows");
        Awaits.until("journal applied", Duration.ofSeconds(120), () -> pbx.dialerd().journal().pending() == 0);
        // An action sent in the last steps whose answer was lost ends at its timeout, in real time.
        Awaits.until("AMI replies answered or timed out", ACTION_TIMEOUT.multipliedBy(10),
                () -> pbx.gateway().backlog().replies() == 0 && pbx.gateway().backlog().expectedResponses() == 0);
        crew.assertMatchesThePbx("at the end", true);
        assertEquals("0", db.value("SELECT (SELECT COUNT(*) FROM current_calls) + (SELECT COUNT(*) FROM "
                + "current_call_entry)"), "current calls after the run");
    }

    private static void assertRecords(SoakRecords db, GroundTruth truth, Map<String, Long> callIds, AmiFaults faults) {
        assertEquals(List.of(), truth.unexpected(), "events the truth could not place");
        assertEquals("0", db.value("SELECT COUNT(*) FROM calls WHERE id_campaign = " + CAMPAIGN
                + " AND status IN ('Placing', 'Dialing', 'Ringing', 'OnQueue', 'OnHold')"), "calls rows not final");
        SoakRecords.Comparison c = db.compare(truth, callIds, SHORT_CALL_SECONDS);
        log.info("records: {} calls equal to the PBX, {} differ (complete log), {} incomplete; statuses {}", c.equal(),
                c.differing().size(), c.incomplete().size(), c.statuses());
        c.differing().stream().limit(20).forEach(d -> log.info("differs: {}", d));
        assertEquals(List.of(), c.incomplete().subList(0, Math.min(20, c.incomplete().size())),
                c.incomplete().size() + " calls with an incomplete progress log");
        // Only a call whose AMI messages were lost or delayed may differ from what the PBX did
        // (dialerd never heard what happened): each differing call must have a fault of its own.
        Set<Long> touched = faultedCalls(faults);
        List<SoakRecords.Difference> unexplained = c.differing().stream()
                .filter(d -> !touched.contains(d.callId())).toList();
        assertEquals(List.of(), unexplained, unexplained.size() + " calls differ from the PBX without a fault of "
                + "their own (" + c.differing().size() + " differ, faults touched calls " + touched + ")");
        assertTrue(c.statuses().keySet().containsAll(List.of("Success", "ShortCall", "Failure", "NoAnswer")),
                "every scripted outcome occurred: " + c.statuses());
    }

    /** The campaign calls a lost or delayed message was about (its ActionID: dialerd-campaign-call-sequence). */
    private static Set<Long> faultedCalls(AmiFaults faults) {
        Set<Long> calls = new TreeSet<>();
        for (AmiMessage m : faults.faulted()) {
            String id = m.getOrEmpty("ActionID");
            Matcher matcher = DIALER_ACTION_ID.matcher(id.substring(id.indexOf('#') + 1));
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) == CAMPAIGN) {
                calls.add(Long.parseLong(matcher.group(2)));
            }
        }
        return calls;
    }

    private static void assertIncoming(PbxHarness pbx, Map<String, Boolean> incoming) {
        Map<String, String> rows = new java.util.TreeMap<>();
        for (String row : Sql.rows(pbx.dataSource(), "SELECT CONCAT(callerid, ' ', status) FROM call_entry")) {
            rows.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
        }
        Map<String, String> expected = new java.util.TreeMap<>();
        incoming.forEach((caller, connected) -> expected.put(caller, connected ? "terminada" : "abandonada"));
        assertEquals(expected.keySet(), rows.keySet(), "one call_entry row per incoming caller");
        assertEquals(List.of(), rows.values().stream().filter(v -> !v.equals("terminada") && !v.equals("abandonada"))
                .toList(), "incoming rows not final");
        assertTrue(expected.containsValue("terminada"), "incoming calls reached agents");
        // A caller the PBX connected to an agent whose logout crossed the AgentConnect was once
        // recorded 'abandonada' (InboundCalls now ends such calls 'terminada').
        assertEquals(expected, rows, "each incoming row as the PBX served it");
    }

    private static int campaignChannels(PbxHarness pbx) {
        return (int) pbx.simulator().channelNames().stream()
                .filter(name -> name.contains("@" + CONTEXT + "-") && name.endsWith(";1")).count();
    }
}
