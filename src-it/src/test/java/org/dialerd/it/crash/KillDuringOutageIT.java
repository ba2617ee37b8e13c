package org.dialerd.it.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.dialer.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * dialerd killed with SIGKILL (a separate process: no shutdown hook, nothing closed) while the
 * database is stopped and traffic is in flight: incoming calls answered during the outage, an
 * outgoing campaign running, agents on a break (one since before the outage, one during it),
 * an agent holding a caller, form data saved before the outage. MariaDB comes back, a new
 * dialerd process starts on the same journal, and: the journal replays (0 lost, 0 duplicated:
 * every row compared with what the PBX did), each agent's pause comes back from Asterisk with
 * its break, the hold is re-attached (unhold works, one hold = one audit row), unpauseagent
 * unpauses in Asterisk, one login session stays one audit row, and no audit row is left open.
 */
class KillDuringOutageIT {
    private static final int LUNCH = 2;
    private static final String INCOMING_PREFIX = "05550004";

    @RegisterExtension
    final ProcessLogs logs = new ProcessLogs();

    @Test
    void aKillDuringAnOutageLosesNothingAndEveryAgentIsTakenOverAsAsteriskHasIt() throws Exception {
        try (CrashRig rig = CrashRig.start("kill")) {
            Traffic traffic = new Traffic(rig);
            long auditBefore = Long.parseLong(rig.value("SELECT COALESCE(MAX(id), 0) FROM audit"));
            Map<String, String> answered = new LinkedHashMap<>();
            String outgoingCall;
            String heldPhone = INCOMING_PREFIX + "90";
            String heldCall;
            String holder;
            String other;
            DialerdProcess first = rig.dialerd("dialerd-1", logs);
            try (Console console = Console.on(first)) {
                login(console, "SIP/1001");
                login(console, "SIP/1002");
                loginStatic(rig, console, "Agent/9000");
                assertTrue(console.eccp().pauseAgent(Console.agent("Agent/9000"), LUNCH).isSuccess());
                login(console, "SIP/1003"); // the campaign starts dialling for it
                outgoingCall = traffic.outgoingLinked(console);
                EccpResponse saved = console.eccp().saveFormData(Console.agent("SIP/1003"), "outgoing",
                        Integer.parseInt(outgoingCall), Map.of(1, Map.of(1, "Before the crash")));
                assertTrue(saved.isSuccess(), saved.body().toString());
                String beforeOutage = INCOMING_PREFIX + "00";
                answered.put(beforeOutage, traffic.answeredCall(console, beforeOutage));
                Awaits.until("four sessions, a break and a call written", Console.WAIT, () -> "5".equals(rig.value(
                        "SELECT COUNT(*) FROM audit WHERE id > ?", auditBefore)) && "1".equals(rig.value(
                        "SELECT COUNT(*) FROM call_entry WHERE callerid = ? AND status = 'terminada'", beforeOutage)));

                rig.db().stop();
                long asked = System.nanoTime();
                EccpResponse refused = console.eccp().saveFormData(Console.agent("SIP/1003"), "outgoing",
                        Integer.parseInt(outgoingCall), Map.of(1, Map.of(1, "During the outage")));
                long tookMillis = (System.nanoTime() - asked) / 1_000_000;
                assertEquals(503, refused.failure().orElseThrow().code(), "form data cannot be saved now: said so");
                assertTrue(tookMillis < 2000, "the first request of the outage answered 503 after " + tookMillis
                        + " ms (the request pool waits 500 ms for a connection)");
                for (int i = 1; i <= 4; i++) {
                    String phone = INCOMING_PREFIX + String.format("%02d", i);
                    answered.put(phone, traffic.answeredCall(console, phone));
                }
                XmlElement linked = traffic.linkedCall(console, heldPhone);
                heldCall = linked.childText("call_id").orElseThrow();
                holder = linked.childText("agent_number").orElseThrow();
                other = holder.equals("SIP/1001") ? "SIP/1002" : "SIP/1001";
                assertTrue(console.eccp().hold(Console.agent(holder)).isSuccess());
                console.take("pausestart", "pause_class", "hold");
                traffic.step(console, 1); // Asterisk reports the parking space
                assertTrue(console.eccp().pauseAgent(Console.agent(other), LUNCH).isSuccess());
                traffic.step(console, 25);
                // Everything dialerd appended is on disk once it has been quiet for a while (the
                // journal forces to disk every 5 ms); a kill loses only what nobody was told.
                Awaits.until("dialerd quiet", Console.WAIT, () -> console.quietFor().toMillis() > 300);
            }
            assertTrue(rig.truth().summary().live() >= 1, "a campaign call is up at the crash");
            first.kill();

            rig.db().restart();
            assertEquals("0", rig.value("SELECT COUNT(*) FROM call_entry WHERE callerid = ?", heldPhone),
                    "the rows of the outage were never written by the killed run");
            DialerdProcess second = rig.dialerd("dialerd-2", logs);
            try (Console console = Console.on(second)) {
                console.awaitStatus("Agent/9000", "paused");
                assertEquals(Optional.of("Lunch"), pauseName(console, "Agent/9000"), "the break Asterisk has");
                console.awaitStatus(other, "paused");
                assertEquals(Optional.of("Lunch"), pauseName(console, other));
                Awaits.until(holder + " on hold again", Console.WAIT, () -> "1".equals(console.eccp()
                        .getAgentStatus(holder).text("onhold").orElse("")));
                assertEquals(heldCall, console.eccp().getAgentStatus(holder).body().child("callinfo").orElseThrow()
                        .childText("callid").orElseThrow(), "the parked call is followed again");

                assertTrue(console.eccp().unpauseAgent(Console.agent("Agent/9000")).isSuccess());
                assertFalse(traffic.pausedInAsterisk("8001", "Local/9000@agent-request"), "unpaused in Asterisk");
                assertTrue(console.eccp().unpauseAgent(Console.agent(other)).isSuccess());
                assertFalse(traffic.pausedInAsterisk("8001", "Local/" + other.substring(4) + "@agents"));
                assertTrue(console.eccp().unhold(Console.agent(holder)).isSuccess(), "unhold after the restart");
                rig.simulator().advance(Duration.ofSeconds(3)); // the agent's phone takes the call back
                console.take("pauseend", "pause_class", "hold");
                assertEquals("0", console.eccp().getAgentStatus(holder).text("onhold").orElseThrow());
                assertTrue(console.eccp().pauseAgent(Console.agent("SIP/1003"), LUNCH).isSuccess(),
                        "stops the campaign's calls");
                // Until the held caller hangs up (a minute after the call began) and no campaign call is left.
                boolean hungUp = false;
                for (int i = 0; i < 120 && !(hungUp && rig.truth().summary().live() == 0); i++) {
                    rig.simulator().advance(Duration.ofSeconds(1));
                    traffic.awaitOutgoingRows();
                    hungUp |= console.poll("agentunlinked", "phone", heldPhone).isPresent();
                }
                assertTrue(hungUp, "agentunlinked of the held call, after the restart");
                for (int i = 0; i < 3; i++) { // what the last hangups set off (AgentComplete may follow Hangup)
                    rig.simulator().advance(Duration.ofSeconds(1));
                    traffic.awaitOutgoingRows();
                }
                assertEquals(0, rig.truth().summary().live(), "campaign calls still up");
                for (String agent : List.of("SIP/1001", "SIP/1002", "SIP/1003", "Agent/9000")) {
                    console.eccp().logoutAgent(Console.agent(agent));
                }
                Awaits.until("no audit row left open", Console.WAIT, () -> "0".equals(rig.value(
                        "SELECT COUNT(*) FROM audit WHERE datetime_end IS NULL")));
            }
            traffic.awaitOutgoingRows();

            for (Map.Entry<String, String> call : answered.entrySet()) {
                assertEquals(List.of(call.getValue()), rig.rows("SELECT id FROM call_entry WHERE callerid = ?",
                        call.getKey()), "one row for " + call.getKey() + ", with the id agentlinked gave");
                assertEquals("terminada", rig.value("SELECT status FROM call_entry WHERE id = ?", call.getValue()));
                assertEquals(List.of("OnQueue", "Success", "Hangup"), rig.rows("SELECT new_status FROM "
                        + "call_progress_log WHERE id_call_incoming = ? ORDER BY id", call.getValue()));
            }
            assertEquals(List.of(heldCall), rig.rows("SELECT id FROM call_entry WHERE callerid = ?", heldPhone));
            assertEquals(List.of("OnQueue", "Success", "OnHold", "OffHold", "Hangup"), rig.rows("SELECT new_status "
                    + "FROM call_progress_log WHERE id_call_incoming = ? ORDER BY id", heldCall));
            assertEquals("terminada", rig.value("SELECT status FROM call_entry WHERE id = ?", heldCall));
            assertEquals("0", rig.value("SELECT COUNT(*) FROM current_call_entry"));
            assertEquals("0", rig.value("SELECT COUNT(*) FROM current_calls"));
            traffic.assertOutgoingMatchesThePbx();
            assertEquals(List.of("1=Before the crash"), rig.rows("SELECT CONCAT(id_form_field, '=', value) "
                    + "FROM form_data_recolected WHERE id_calls = ?", outgoingCall));

            // Audit: 4 sessions, Agent/9000's and the other agent's Lunch, the hold, SIP/1003's Lunch.
            assertEquals("4", rig.value("SELECT COUNT(*) FROM audit WHERE id > ? AND id_break IS NULL", auditBefore),
                    "one login session = one audit row, across the crash");
            assertEquals(List.of("1", "6", "7", "8"), rig.rows("SELECT id_agent FROM audit WHERE id > ? "
                    + "AND id_break IS NULL ORDER BY id_agent", auditBefore));
            assertEquals(List.of("1", String.valueOf(agentId(other)), "8"), rig.rows("SELECT id_agent FROM audit "
                    + "WHERE id > ? AND id_break = ? ORDER BY id_agent", auditBefore, LUNCH));
            assertEquals(List.of(String.valueOf(agentId(holder))), rig.rows("SELECT id_agent FROM audit WHERE id > ? "
                    + "AND id_break = 1", auditBefore), "one hold = one row");
            assertTrue(second.log().contains("records from a previous run to replay"),
                    "the second run replayed the killed run's journal");
        }
    }

    private static int agentId(String sip) {
        return Integer.parseInt(sip.substring(4)) - 995; // SIP/1001 is agent 6 in the demo data
    }

    private static Optional<String> pauseName(Console console, String agent) {
        return console.eccp().getAgentStatus(agent).body().child("pauseinfo").flatMap(p -> p.childText("pausename"));
    }

    private static void login(Console console, String agent) {
        EccpResponse answer = console.eccp().loginAgent(Console.agent(agent), agent.substring(4));
        assertEquals("logged-in", answer.text("status").orElseThrow(), answer.body().toString());
    }

    private static void loginStatic(CrashRig rig, Console console, String agent) {
        assertEquals("logging", console.eccp().loginAgent(Console.agent(agent), "1004").text("status").orElseThrow());
        rig.simulator().advance(Duration.ofSeconds(2)); // the phone answers, AgentLogin runs
        console.awaitStatus(agent, "online");
    }

    /** Drives the simulated PBX and reads what the campaign left in the database. */
    static final class Traffic {
        private final CrashRig rig;

        Traffic(CrashRig rig) {
            this.rig = rig;
        }

        /** Advances the PBX until the campaign's agent is linked to a customer; the call id. */
        String outgoingLinked(Console console) {
            // The dialer's rounds run on dialerd's real clock, every few seconds.
            Awaits.until("the campaign's first call placed", Console.WAIT,
                    () -> rig.truth().summary().attempts() > 0);
            for (int i = 0; i < 30; i++) {
                rig.simulator().advance(Duration.ofSeconds(1));
                settle(console);
                if (rig.truth().summary().progress().containsKey("Success")) { // the PBX connected them
                    return console.take("agentlinked", "agent_number", "SIP/1003").childText("call_id").orElseThrow();
                }
            }
            throw new AssertionError("no campaign call reached SIP/1003 in 30 s of PBX time");
        }

        /** A caller answered by a free agent, who talks 10 s until the caller hangs up; the call id. */
        String answeredCall(Console console, String phone) {
            rig.simulator().inboundCall(phone, "8001", Duration.ofSeconds(12));
            step(console, 3);
            XmlElement linked = console.take("agentlinked", "phone", phone);
            step(console, 12);
            XmlElement unlinked = console.take("agentunlinked", "phone", phone);
            assertEquals(linked.childText("call_id"), unlinked.childText("call_id"));
            return linked.childText("call_id").orElseThrow();
        }

        /** A caller answered by a free agent, on the line for a minute; its agentlinked. */
        XmlElement linkedCall(Console console, String phone) {
            rig.simulator().inboundCall(phone, "8001", Duration.ofSeconds(60));
            step(console, 3);
            return console.take("agentlinked", "phone", phone);
        }

        /** {@code seconds} of PBX time, one at a time, each until dialerd has reported what the campaign did. */
        void step(Console console, int seconds) {
            for (int i = 0; i < seconds; i++) {
                rig.simulator().advance(Duration.ofSeconds(1));
                settle(console);
            }
        }

        private void settle(Console console) {
            String[] last = {""};
            try {
                Awaits.until("the campaign's callprogress events match the PBX", Console.WAIT, () -> {
                    GroundTruth.Summary before = rig.truth().summary();
                    Map<String, Integer> seen = console.outgoingProgress();
                    last[0] = "PBX " + before.progress() + ", events " + seen;
                    return seen.equals(before.progress()) && rig.truth().summary().events() == before.events();
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last seen: " + last[0], e);
            }
        }

        /** Until the campaign's progress rows in the database are what the PBX did; else which calls differ. */
        void awaitOutgoingRows() {
            try {
                Awaits.until("the campaign's rows match the PBX", Console.WAIT,
                        () -> outgoingProgressInDb().equals(rig.truth().summary().progress()));
            } catch (AssertionError e) {
                assertOutgoingMatchesThePbx();
                throw new AssertionError(e.getMessage() + ": PBX " + rig.truth().summary().progress() + ", database "
                        + outgoingProgressInDb(), e);
            }
        }

        boolean pausedInAsterisk(String queue, String member) {
            return rig.simulator().inPbx(p -> p.queues().find(queue).orElseThrow().member(member).orElseThrow()
                    .paused());
        }

        Map<String, Integer> outgoingProgressInDb() {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            for (String status : rig.rows("SELECT new_status FROM call_progress_log WHERE id_campaign_outgoing = ? "
                    + "AND id > ?", CrashRig.CAMPAIGN, rig.progressBefore())) {
                counts.merge(status, 1, Integer::sum);
            }
            return counts;
        }

        /** Every number the PBX dialled: its progress rows and final status as the PBX's events say. */
        void assertOutgoingMatchesThePbx() {
            assertEquals(List.of(), rig.truth().unexpected());
            List<String> mismatches = new ArrayList<>();
            int dialled = 0;
            for (Map.Entry<String, List<GroundTruth.Attempt>> entry : rig.truth().byPhone().entrySet()) {
                String id = rig.value("SELECT id FROM calls WHERE id_campaign = ? AND phone = ?", CrashRig.CAMPAIGN,
                        entry.getKey());
                List<String> expected = new ArrayList<>();
                for (GroundTruth.Attempt attempt : entry.getValue()) {
                    attempt.progress(CrashRig.SHORT_CALL_SECONDS).forEach(s -> expected.add(s + "#" + attempt.number));
                }
                List<String> written = rig.rows("SELECT CONCAT(new_status, '#', retry) FROM call_progress_log "
                        + "WHERE id_call_outgoing = ? AND id > ? ORDER BY id", id, rig.progressBefore());
                if (!expected.equals(written)) {
                    mismatches.add(entry.getKey() + ": PBX " + expected + ", database " + written);
                }
                if (!entry.getValue().isEmpty()) {
                    dialled++;
                    String status = entry.getValue().get(entry.getValue().size() - 1)
                            .status(CrashRig.SHORT_CALL_SECONDS);
                    String row = rig.value("SELECT status FROM calls WHERE id = ?", id);
                    if (!status.equals(row)) {
                        mismatches.add(entry.getKey() + ": status " + row + ", the PBX says " + status);
                    }
                }
            }
            assertEquals(List.of(), mismatches, "campaign rows that differ from what the PBX did");
            assertTrue(dialled >= 1, "the campaign dialled: " + dialled + " numbers");
        }
    }
}
