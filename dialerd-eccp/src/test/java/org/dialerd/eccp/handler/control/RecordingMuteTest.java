package org.dialerd.eccp.handler.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingMuteTest extends CallControlTest {
    private static final String CUSTOMER = "PJSIP/trunk-00000007";
    private static final AgentEvent MUTED = new AgentEvent.RecordingMute("SIP/1001", true, "incoming", 1, 42);
    private static final AgentEvent UNMUTED = new AgentEvent.RecordingMute("SIP/1001", false, "incoming", 1, 42);
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @AfterEach
    void realTimeAgain() {
        RecordingMute.useDelayer(null);
    }

    @Test
    void mutesBothDirectionsOfTheCustomerChannelAndAnnouncesIt() {
        onCall(SIP_1001, "SIP/1001");
        assertEquals(success("mixmonitormute"), send("mixmonitormute", SIP_1001));
        assertEquals(List.of(new PbxAction.MixMonitorMute(CUSTOMER, "both", true)), actions);
        assertEquals(List.of(MUTED), events);
    }

    @Test
    void unmutesAndAnnouncesIt() {
        onCall(SIP_1001, "SIP/1001");
        assertEquals(success("mixmonitorunmute"), send("mixmonitorunmute", SIP_1001));
        assertEquals(List.of(new PbxAction.MixMonitorMute(CUSTOMER, "both", false)), actions);
        assertEquals(List.of(UNMUTED), events);
    }

    @Test
    void timeoutUnmutesAfterThatManySeconds() {
        RecordingMute.useDelayer(delay -> {
            delays.add(delay);
            return Runnable::run;
        });
        onCall(SIP_1001, "SIP/1001");
        assertEquals(success("mixmonitormute"), send("mixmonitormute", SIP_1001, "timeout", "10"));
        assertEquals(List.of(Duration.ofSeconds(10)), delays);
        assertEquals(List.of(new PbxAction.MixMonitorMute(CUSTOMER, "both", true),
                new PbxAction.MixMonitorMute(CUSTOMER, "both", false)), actions);
        assertEquals(List.of(MUTED, UNMUTED), events);
    }

    @Test
    void timeoutDoesNothingWhenTheCallHasEnded() {
        List<Runnable> pending = new CopyOnWriteArrayList<>();
        RecordingMute.useDelayer(delay -> pending::add);
        onCall(SIP_1001, "SIP/1001");
        send("mixmonitormute", SIP_1001, "timeout", "5");
        online(SIP_1001, "SIP/1001");
        pending.forEach(Runnable::run);
        assertEquals(List.of(MUTED), events);
        assertEquals(1, actions.size());
    }

    @Test
    void timeoutMustBePositiveBeforeTheAgentStateIsLookedAt() {
        assertEquals(failure("mixmonitormute", 417, "Invalid timeout"),
                send("mixmonitormute", SIP_1001, "timeout", "0"));
        assertEquals(failure("mixmonitormute", 417, "Invalid timeout"),
                send("mixmonitormute", SIP_1001, "timeout", "-3"));
        assertEquals(failure("mixmonitormute", 417, "Invalid timeout"),
                send("mixmonitormute", SIP_1001, "timeout", "soon"));
    }

    @Test
    void agentWithoutACallIsNotInCall() {
        assertEquals(failure("mixmonitormute", 417, "Agent not in call"),
                send("mixmonitormute", SIP_1001, "timeout", "10"));
        online(SIP_1001, "SIP/1001");
        assertEquals(failure("mixmonitorunmute", 417, "Agent not in call"), send("mixmonitorunmute", SIP_1001));
        assertEquals(List.of(), events);
    }

    @Test
    void reportsAsteriskRefusingAndAnnouncesNothing() {
        onCall(SIP_1001, "SIP/1001");
        reply = PbxReply.error("Cannot set mute flag");
        assertEquals(failure("mixmonitormute", 500, "Cannot mute agent call"), send("mixmonitormute", SIP_1001));
        assertEquals(failure("mixmonitorunmute", 500, "Cannot unmute agent call"),
                send("mixmonitorunmute", SIP_1001));
        assertEquals(List.of(), events);
    }
}
