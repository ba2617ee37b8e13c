package org.dialerd.it.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import org.dialerd.core.engine.DialerSettings;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.handler.control.Transfer;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;
import org.dialerd.it.EventWaits;
import org.dialerd.it.PbxHarness;
import org.dialerd.it.Sql;
import org.dialerd.sim.Scenario;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.order.EventOrder;

/**
 * Scripted calls on virtual time (sql/event-order.sql): the agent SIP/1001 in the outgoing
 * queue 8000 and the incoming queue 8001, the seed's scripted customers, FreePBX's from-internal
 * for transfers, and a console that keeps every event it receives.
 *
 * <p>The clock moves one second at a time, always to 0.9 s past a whole second, and a script
 * waits for dialerd's records of a step before the next one. The PBX's events of a step fall on
 * whole or half seconds (calls placed or started at a step's end: 0.4 and 0.9), so they all lie
 * in the step's own second and the second dialerd stamps does not depend on how fast it ran.
 */
final class CallScript implements AutoCloseable {
    static final AgentCredentials AGENT = new AgentCredentials("SIP/1001", "demo");
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CUSTOMERS = "order-customers";
    private static final DialerSettings DIALER = new DialerSettings("Local/{phone}@" + CUSTOMERS,
            Duration.ofMillis(50), PbxHarness.DIALER_UNIQUEID_PREFIX);
    private static final int MAX_STEPS = 120;

    final PbxHarness pbx;
    final EccpClient eccp;
    /** Every event the console received, in arrival order. */
    final List<XmlElement> events = new CopyOnWriteArrayList<>();
    /** What the PBX sent over AMI, in the order it went out. */
    final List<AmiMessage> ami = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<XmlElement> inbox = new LinkedBlockingQueue<>();

    private CallScript(PbxHarness pbx) {
        this.pbx = pbx;
        pbx.simulator().onEvent(ami::add);
        this.eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort());
        eccp.login("agentconsole", "agentconsole");
        eccp.onEvent(event -> {
            events.add(event);
            inbox.add(event);
        });
        assertTrue(eccp.callProgress(true).isSuccess());
    }

    /**
     * dialerd with its dialer on a PBX whose AMI output follows {@code order}; the campaign
     * calls in {@code unused} are marked do-not-dial before anything is dialled.
     */
    static CallScript start(EventOrder order, int... unused) {
        PbxHarness pbx = PbxHarness.startWithDialer(scenario -> customise(scenario, order), DIALER,
                "sql/event-order.sql");
        for (int id : unused) {
            Sql.update(pbx.dataSource(), "UPDATE calls SET dnc = 1 WHERE id = ?", id);
        }
        return new CallScript(pbx);
    }

    private static void customise(Scenario scenario, EventOrder order) {
        scenario.eventOrder(order);
        // The seed's numbers: 71 answers after 1 s and talks as many seconds as its last two digits; 73 is busy.
        scenario.dialplan().context(CUSTOMERS)
                .exten("_71XXXXX", "NoOp()", "Ringing()", "Wait(1)", "Answer()", "Wait(${EXTEN:5})", "Hangup()")
                .exten("_73XXXXX", "NoOp()", "Busy(10)");
        scenario.dialplan().context(Transfer.TRANSFER_CONTEXT)
                .exten("_1XXX", "NoOp()", "Dial(Local/${EXTEN}@agents,30,tT)", "Hangup()");
    }

    void loginAgent() {
        assertEquals("logged-in", eccp.loginAgent(AGENT, "1001").text("status").orElseThrow());
    }

    /** Until the PBX has dialled the customer: the clock must not move before the call starts. */
    void awaitOriginate(String phone) {
        Awaits.until("the originate of " + phone + " reached the PBX", WAIT, () -> ami.stream()
                .anyMatch(customerEvent("Newchannel", phone)));
    }

    void assertSuccess(EccpResponse response) {
        assertTrue(response.isSuccess(), () -> "failed: " + response.body());
    }

    /** The body of the first event of that name not awaited yet. */
    XmlElement await(String name) {
        return EventWaits.await(inbox, name, WAIT);
    }

    /** To the next 0.9 s past a whole second. */
    void step() {
        long now = pbx.simulator().nowMillis();
        pbx.simulator().advanceTo((Math.floorDiv(now - 900, 1000) + 1) * 1000 + 900);
    }

    void steps(int n) {
        for (int i = 0; i < n; i++) {
            step();
        }
    }

    /** Hangs up a channel (or {@code /regex/}) over dialerd's own AMI connection, as a phone or a test would. */
    void hangup(String channel) {
        try {
            pbx.gateway().send(new org.dialerd.core.pbx.PbxAction.Hangup(channel, 16)).get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("hangup " + channel, e);
        }
    }

    /** Steps until the PBX has sent an event that {@code sent} matches. */
    void stepUntil(String what, Predicate<AmiMessage> sent) {
        for (int i = 0; i < MAX_STEPS; i++) {
            step();
            if (ami.stream().anyMatch(sent)) {
                return;
            }
        }
        throw new AssertionError("the PBX sent no " + what + " within " + MAX_STEPS + " s");
    }

    /** Steps until the incoming caller is linked to the agent; returns the call_entry id. */
    String linkedIncoming(String callerNumber) {
        stepUntil("QueueCallerJoin", event("QueueCallerJoin", "CallerIDNum", callerNumber));
        awaitValue("caller waiting", "en-cola", "SELECT status FROM call_entry WHERE callerid = ?", callerNumber);
        stepUntil("AgentConnect", event("AgentConnect", "CallerIDNum", callerNumber));
        String callId = await("agentlinked").childText("call_id").orElseThrow();
        awaitValue("call active", "activa", "SELECT status FROM call_entry WHERE id = ?", callId);
        return callId;
    }

    /** An event about the campaign call to {@code phone} (its Local channel to the customer). */
    static Predicate<AmiMessage> customerEvent(String name, String phone) {
        return e -> e.eventName().equals(name) && e.getOrEmpty("Channel").startsWith("Local/" + phone + "@" + CUSTOMERS
                + "-");
    }

    static Predicate<AmiMessage> event(String name, String field, String value) {
        return e -> e.eventName().equals(name) && e.getOrEmpty(field).equals(value);
    }

    void awaitValue(String what, String expected, String sql, Object... parameters) {
        try {
            Awaits.until(what, WAIT, () -> expected.equals(value(sql, parameters)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; found " + value(sql, parameters) + " at virtual "
                    + pbx.simulator().nowMillis() + " ms; calls " + rows("SELECT CONCAT_WS(' ', id, status) FROM calls")
                    + "; progress " + rows("SELECT CONCAT_WS(' ', id_call_outgoing, id_call_incoming, new_status, "
                    + "datetime_entry) FROM call_progress_log ORDER BY id"), e);
        }
    }

    String value(String sql, Object... parameters) {
        return Sql.value(pbx.dataSource(), sql, parameters);
    }

    List<String> rows(String sql, Object... parameters) {
        return Sql.rows(pbx.dataSource(), sql, parameters);
    }

    /** new_status of the call's progress rows, in the order they were written. */
    List<String> progress(String callColumn, Object callId) {
        return rows("SELECT new_status FROM call_progress_log WHERE " + callColumn + " = ? ORDER BY id", callId);
    }

    @Override
    public void close() {
        eccp.close();
        pbx.close();
    }
}
