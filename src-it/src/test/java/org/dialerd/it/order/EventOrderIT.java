package org.dialerd.it.order;

import static org.dialerd.it.order.CallScript.AGENT;
import static org.dialerd.it.order.CallScript.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.order.EventOrder;
import org.dialerd.sim.order.RaceWindows;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same scripted calls under the simulator's natural order and under seeded orders of the
 * windows where real Asterisk's order is not fixed ({@code EventOrder.raceWindows}): an outgoing
 * call answered, one busy, an incoming call answered, one abandoned, one transferred, one put
 * on hold, taken back and held again until the caller hangs up, one transferred after a
 * consultation (Atxfer), and the agent's logout. The windows include the race between an
 * action's response and its events (QueueAdd, QueuePause, QueueRemove, Originate, Redirect,
 * Atxfer). Every order must leave the same rows (calls, call_entry, the whole
 * call_progress_log, audit, the campaign) and send the console the same events as the natural
 * order, with every expected progress row. The seeds are chosen so that every window is
 * exercised, which the test checks; {@code -Ddialerd.order.seeds=N} runs seeds 1..N instead.
 */
class EventOrderIT {
    private static final Logger log = LoggerFactory.getLogger(EventOrderIT.class);
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}");
    private static final Set<String> SINGLE_CHANNEL_EVENTS = Set.of("Newstate", "NewCallerid", "NewConnectedLine",
            "Newexten", "VarSet", "HangupRequest", "SoftHangupRequest", "Hangup", "MusicOnHoldStart",
            "MusicOnHoldStop");
    private static final Pattern UNIQUEID = Pattern.compile("\\b(\\d{10})\\.(\\d+)\\b");

    /** What one run left behind, with times made relative to its virtual time 0. */
    private record Outcome(Map<String, List<String>> records, Map<String, List<String>> events, Set<String> orders) {}

    @Test
    void everyOrderLeavesTheSameRecordsAndSendsTheSameEvents() {
        Outcome natural = run(EventOrder.NATURAL);
        Set<String> windows = new LinkedHashSet<>();
        for (long seed : seeds()) {
            Outcome permuted = run(EventOrder.raceWindows(seed));
            assertSame(natural.records(), permuted.records(), "records with seed " + seed);
            assertSame(natural.events(), permuted.events(), "console events with seed " + seed);
            for (String order : permuted.orders()) {
                if (!natural.orders().contains(order)) {
                    windows.add(order.substring(0, order.indexOf(':')));
                }
            }
        }
        assertEquals(Set.of("OriginateResponse after QueueCallerJoin", "OriginateResponse after AgentConnect",
                "AgentComplete after Hangup", "Hangup before BridgeLeave", "Local halves",
                "queueadd answered after its events", "queuepause answered after its events",
                "queueremove answered after its events", "originate answered after its events",
                "redirect answered after its events", "atxfer answered after its events"), windows,
                "windows the seeds exercised");
    }

    /** Equal maps; a difference is reported by key, both sides. */
    private static void assertSame(Map<String, List<String>> expected, Map<String, List<String>> actual, String what) {
        Set<String> keys = new LinkedHashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        StringBuilder differences = new StringBuilder();
        for (String key : keys) {
            if (!java.util.Objects.equals(expected.get(key), actual.get(key))) {
                differences.append("\n").append(key).append(":\n  natural: ").append(expected.get(key))
                        .append("\n  permuted: ").append(actual.get(key));
            }
        }
        assertEquals("", differences.toString(), what + " differ from the natural order's");
    }

    private static long[] seeds() {
        String n = System.getProperty("dialerd.order.seeds");
        if (n != null && n.contains(",")) {
            return java.util.Arrays.stream(n.split(",")).mapToLong(Long::parseLong).toArray();
        }
        return n == null ? SEEDS : java.util.stream.LongStream.rangeClosed(1, Long.parseLong(n)).toArray();
    }

    private static Outcome run(EventOrder order) {
        try (CallScript s = CallScript.start(order, 3, 4)) {
            s.loginAgent();
            outgoingCalls(s);
            String answered = incomingAnswered(s);
            String abandoned = incomingAbandoned(s);
            String transferred = incomingTransferred(s);
            String held = incomingHeld(s);
            String consulted = incomingAttendedTransfer(s);
            s.assertSuccess(s.eccp.logoutAgent(AGENT));
            s.await("agentloggedout");
            s.awaitValue("session closed", "0", "SELECT COUNT(*) FROM audit WHERE datetime_end IS NULL");
            assertEquals(List.of("Placing", "Dialing", "Ringing", "OnQueue", "Success", "Hangup"),
                    s.progress("id_call_outgoing", 1));
            assertEquals(List.of("Placing", "Dialing", "Failure"), s.progress("id_call_outgoing", 2));
            assertEquals(List.of("OnQueue", "Success", "Hangup"), s.progress("id_call_incoming", answered));
            assertEquals(List.of("OnQueue", "Abandoned"), s.progress("id_call_incoming", abandoned));
            assertEquals(List.of("OnQueue", "Success", "Hangup"), s.progress("id_call_incoming", transferred));
            assertEquals(List.of("OnQueue", "Success", "OnHold", "OffHold", "OnHold", "Hangup"),
                    s.progress("id_call_incoming", held));
            assertEquals(List.of("OnQueue", "Success", "Hangup"), s.progress("id_call_incoming", consulted));
            long epoch = s.pbx.epoch().getEpochSecond();
            Set<String> orders = orders(s.ami);
            if (order instanceof RaceWindows races) {
                races.responsesAfterEvents().keySet().forEach(action -> orders.add(action + " answered after its events: "
                        + action));
            }
            Outcome outcome = new Outcome(records(s, epoch), events(s, epoch), orders);
            log.info("{}: {} AMI events, {} console events", order, s.ami.size(), s.events.size());
            return outcome;
        }
    }

    /** Call 1 answers after 1 s and talks 6 s; call 2 is busy. */
    private static void outgoingCalls(CallScript s) {
        s.awaitOriginate("7100006");
        s.stepUntil("QueueCallerJoin of call 1", e -> e.eventName().equals("QueueCallerJoin"));
        s.awaitValue("call 1 queued with its Ringing row", "Placing Dialing Ringing OnQueue",
                "SELECT GROUP_CONCAT(new_status ORDER BY id SEPARATOR ' ') FROM call_progress_log WHERE id_call_outgoing = 1");
        s.stepUntil("AgentConnect of call 1", e -> e.eventName().equals("AgentConnect"));
        s.await("agentlinked");
        s.assertSuccess(s.eccp.pauseAgent(AGENT, 2)); // call 2 waits until call 1 is over
        s.await("pausestart");
        s.stepUntil("AgentComplete of call 1", e -> e.eventName().equals("AgentComplete"));
        s.await("agentunlinked");
        s.awaitValue("call 1 ended", "Success", "SELECT status FROM calls WHERE id = 1 AND end_time IS NOT NULL");
        s.assertSuccess(s.eccp.unpauseAgent(AGENT));
        s.await("pauseend");
        s.awaitValue("call 2 failed", "Failure", "SELECT status FROM calls WHERE id = 2");
        s.awaitValue("campaign finished", "T", "SELECT estatus FROM campaign WHERE id = 1");
    }

    /** The caller talks 2 s with the agent and hangs up. */
    private static String incomingAnswered(CallScript s) {
        String caller = s.pbx.simulator().inboundCall("042000001", "8001", Duration.ofMillis(3500));
        String callId = s.linkedIncoming("042000001");
        s.stepUntil("the caller's hangup", event("Hangup", "Channel", caller));
        s.await("agentunlinked");
        s.awaitValue("call finished", "terminada", "SELECT status FROM call_entry WHERE id = ?", callId);
        return callId;
    }

    /** The agent is on a break; the caller gives up after 3 s in the queue. */
    private static String incomingAbandoned(CallScript s) {
        s.assertSuccess(s.eccp.pauseAgent(AGENT, 2));
        s.await("pausestart");
        String caller = s.pbx.simulator().inboundCall("042000002", "8001", Duration.ofSeconds(3));
        s.stepUntil("QueueCallerJoin", event("QueueCallerJoin", "CallerIDNum", "042000002"));
        s.awaitValue("caller waiting", "en-cola", "SELECT status FROM call_entry WHERE callerid = '042000002'");
        s.stepUntil("the caller's hangup", event("Hangup", "Channel", caller));
        s.awaitValue("call abandoned", "abandonada", "SELECT status FROM call_entry WHERE callerid = '042000002'");
        s.assertSuccess(s.eccp.unpauseAgent(AGENT));
        s.await("pauseend");
        return s.value("SELECT id FROM call_entry WHERE callerid = '042000002'");
    }

    /** The agent sends the caller to extension 1002 after 2 s; the caller hangs up there later. */
    private static String incomingTransferred(CallScript s) {
        String caller = s.pbx.simulator().inboundCall("042000003", "8001", Duration.ofSeconds(8));
        String callId = s.linkedIncoming("042000003");
        s.steps(2);
        s.assertSuccess(s.eccp.transferCall(AGENT, "1002"));
        s.await("agentunlinked");
        s.awaitValue("call transferred", "1002 terminada",
                "SELECT CONCAT(transfer, ' ', status) FROM call_entry WHERE id = ?", callId);
        s.stepUntil("the caller's hangup", event("Hangup", "Channel", caller));
        s.stepUntil("extension 1002 free", e -> e.eventName().equals("Hangup")
                && e.getOrEmpty("Channel").startsWith("Local/1002@agents-") && e.getOrEmpty("Channel").endsWith(";2"));
        return callId;
    }

    /**
     * Hold for 1 s and taken back (the agent's phone answers after 1 s), then held again: the
     * caller hangs up while parked.
     */
    private static String incomingHeld(CallScript s) {
        String caller = s.pbx.simulator().inboundCall("042000004", "8001", Duration.ofSeconds(14));
        String callId = s.linkedIncoming("042000004");
        s.step();
        hold(s, 1);
        s.step();
        s.assertSuccess(s.eccp.unhold(AGENT));
        s.stepUntil("UnParkedCall", e -> e.eventName().equals("UnParkedCall"));
        s.await("pauseend");
        s.awaitValue("call active again", "activa", "SELECT status FROM call_entry WHERE id = ?", callId);
        s.step();
        hold(s, 2);
        s.stepUntil("the caller's hangup", event("Hangup", "Channel", caller));
        s.await("pauseend");
        s.await("agentunlinked");
        s.awaitValue("call finished", "terminada", "SELECT status FROM call_entry WHERE id = ?", callId);
        s.awaitValue("hold closed", "0", "SELECT COUNT(*) FROM audit WHERE id_break = 1 AND datetime_end IS NULL");
        return callId;
    }

    /**
     * The agent consults extension 1002 (Atxfer) and completes the transfer by hanging up, as a
     * phone does (trace 10, A); then 1002 and the caller are hung up.
     */
    private static String incomingAttendedTransfer(CallScript s) {
        s.pbx.simulator().inboundCall("042000005", "8001", Duration.ofSeconds(60));
        String callId = s.linkedIncoming("042000005");
        s.step();
        s.assertSuccess(s.eccp.atxferCall(AGENT, "1002"));
        s.steps(3); // the digits, the dial, 1002 answers after 1 s: the same virtual times in every order
        String transferer = s.pbx.simulator().channelNames().stream()
                .filter(name -> name.startsWith("Local/1001@agents-") && name.endsWith(";1")).findFirst().orElseThrow();
        s.hangup(transferer); // the transfer completes at this instant: dialerd must follow before time moves
        s.await("agentunlinked");
        assertEquals(1, s.ami.stream().filter(e -> e.eventName().equals("AttendedTransfer")).count(), "AttendedTransfer");
        s.awaitValue("call transferred", "1002 terminada",
                "SELECT CONCAT(transfer, ' ', status) FROM call_entry WHERE id = ?", callId);
        s.hangup("/^Local\\/100[12]@agents-/");
        s.stepUntil("phones idle", e -> s.pbx.simulator().channelNames().stream()
                .noneMatch(name -> name.startsWith("Local/100")));
        return callId;
    }

    private static void hold(CallScript s, int holds) {
        s.assertSuccess(s.eccp.hold(AGENT));
        s.await("pausestart");
        s.awaitValue("on hold with its parking space", String.valueOf(holds),
                "SELECT COUNT(*) FROM audit WHERE id_break = 1 AND ext_parked IS NOT NULL");
    }

    private static Map<String, List<String>> records(CallScript s, long epoch) {
        Map<String, List<String>> records = new LinkedHashMap<>();
        records.put("calls", table(s, epoch, "calls", "id, status, retries, uniqueid, fecha_llamada, datetime_originate, "
                + "datetime_entry_queue, start_time, end_time, duration, duration_wait, id_agent, transfer, "
                + "failure_cause, failure_cause_txt, trunk"));
        records.put("call_entry", table(s, epoch, "call_entry", "id, status, callerid, uniqueid, trunk, id_agent, "
                + "id_campaign, datetime_entry_queue, datetime_init, datetime_end, duration, duration_wait, transfer"));
        records.put("call_progress_log", table(s, epoch, "call_progress_log", "id, datetime_entry, id_call_outgoing, "
                + "id_call_incoming, new_status, retry, uniqueid, trunk, id_agent, duration"));
        records.put("audit", table(s, epoch, "audit", "id, id_agent, id_break, datetime_init, datetime_end, duration, "
                + "ext_parked"));
        records.put("campaign", table(s, epoch, "campaign", "id, estatus, num_completadas, promedio, desviacion"));
        records.put("current calls", List.of(s.value("SELECT (SELECT COUNT(*) FROM current_calls) + "
                + "(SELECT COUNT(*) FROM current_call_entry)")));
        return records;
    }

    private static List<String> table(CallScript s, long epoch, String table, String columns) {
        String row = "CONCAT_WS('|', " + String.join(", ", java.util.Arrays.stream(columns.split(", "))
                .map(c -> "IFNULL(" + c + ", 'NULL')").toList()) + ")";
        return s.rows("SELECT " + row + " FROM " + table + " ORDER BY id").stream()
                .map(r -> relative(r, epoch)).toList();
    }

    /**
     * Each event stream (an event name for one call, or for one agent) in the order it arrived.
     * Not queuemembership: its status says whether QueueAdd's reply or its QueueMemberAdded
     * event reached the engine first, a race between a response and an event that no event
     * order changes (asterisk-java delivers them on two threads).
     */
    private static Map<String, List<String>> events(CallScript s, long epoch) {
        Map<String, List<String>> streams = new TreeMap<>();
        for (XmlElement event : s.events) {
            XmlElement body = event.children().get(0);
            if (body.name().equals("queuemembership")) {
                continue;
            }
            String key = body.name() + " " + body.childText("calltype").orElse("") + " "
                    + body.childText("call_id").orElse(body.childText("agent_number").orElse(""));
            streams.computeIfAbsent(key, k -> new ArrayList<>()).add(relative(event.toString(), epoch));
        }
        return streams;
    }

    /**
     * Facts about the AMI order of each run ("OriginateResponse after QueueCallerJoin: dialerd-t.1"):
     * a fact a seed has and the natural order has not is a window that seed exercised.
     */
    private static Set<String> orders(List<AmiMessage> ami) {
        Set<String> facts = new LinkedHashSet<>();
        for (int i = 0; i < ami.size(); i++) {
            AmiMessage e = ami.get(i);
            String uniqueid = e.getOrEmpty("Uniqueid");
            switch (e.eventName()) {
                case "OriginateResponse" -> {
                    if (before(ami, "QueueCallerJoin", uniqueid, i)) {
                        facts.add("OriginateResponse after QueueCallerJoin: " + uniqueid);
                    }
                    if (before(ami, "AgentConnect", uniqueid, i)) {
                        facts.add("OriginateResponse after AgentConnect: " + uniqueid);
                    }
                }
                case "AgentComplete" -> {
                    if (before(ami, "Hangup", uniqueid, i)) {
                        facts.add("AgentComplete after Hangup: " + uniqueid);
                    }
                }
                case "BridgeLeave" -> {
                    if (before(ami, "Hangup", uniqueid, i)) {
                        facts.add("Hangup before BridgeLeave: " + uniqueid);
                    }
                }
                default -> { }
            }
        }
        Map<String, StringBuilder> halves = new LinkedHashMap<>();
        for (AmiMessage e : ami) {
            String channel = e.getOrEmpty("Channel");
            if (channel.startsWith("Local/") && (channel.endsWith(";1") || channel.endsWith(";2"))
                    && SINGLE_CHANNEL_EVENTS.contains(e.eventName())) {
                halves.computeIfAbsent(channel.substring(0, channel.length() - 2), c -> new StringBuilder())
                        .append(channel.charAt(channel.length() - 1));
            }
        }
        halves.forEach((pair, sequence) -> facts.add("Local halves: " + pair + " " + sequence));
        return facts;
    }

    private static boolean before(List<AmiMessage> ami, String name, String uniqueid, int index) {
        for (int i = 0; i < index; i++) {
            if (ami.get(i).eventName().equals(name) && ami.get(i).getOrEmpty("Uniqueid").equals(uniqueid)) {
                return true;
            }
        }
        return false;
    }

    /** Datetimes and Asterisk uniqueids as seconds since the run's virtual time 0. */
    private static String relative(String text, long epoch) {
        Matcher m = DATETIME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long seconds = LocalDateTime.parse(m.group().replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC) - epoch;
            m.appendReplacement(out, "T+" + seconds);
        }
        m.appendTail(out);
        Matcher u = UNIQUEID.matcher(out.toString());
        StringBuilder done = new StringBuilder();
        while (u.find()) {
            u.appendReplacement(done, "U+" + (Long.parseLong(u.group(1)) - epoch) + "." + u.group(2));
        }
        u.appendTail(done);
        return done.toString();
    }
}
