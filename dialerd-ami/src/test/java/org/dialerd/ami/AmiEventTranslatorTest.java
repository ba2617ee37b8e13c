package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.JoinEvent;
import org.asteriskjava.manager.event.LeaveEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxEvent.QueueMember;
import org.junit.jupiter.api.Test;

/** Bean → record, on hand-made beans (the trace replays cover what Asterisk 22 really sends). */
class AmiEventTranslatorTest {

    private final AmiEventTranslator translator = new AmiEventTranslator();

    @Test
    void everyTranslatedEventHasNoNullFieldEvenWhenAsteriskSentNone() throws Exception {
        for (Class<?> type : translator.translatedClasses()) {
            ManagerEvent empty = (ManagerEvent) type.getConstructor(Object.class).newInstance(this);

            Optional<PbxEvent> translated = translator.translate(empty);

            translated.ifPresent(e -> assertNoNulls((Record) e, type.getSimpleName()));
        }
    }

    @Test
    void agentCompleteWithoutCallerFieldsKeepsTheRest() {
        AgentCompleteEvent e = new AgentCompleteEvent(this);
        e.setQueue("8000");
        e.setReason("transfer");

        assertEquals(Optional.of(new PbxEvent.AgentComplete("8000", "", "", "", "", "", Duration.ZERO,
                Duration.ZERO, "transfer")), translator.translate(e));
    }

    @Test
    @SuppressWarnings("deprecation")
    void toleratesThePre13QueueEventNames() {
        JoinEvent join = new JoinEvent(this);
        join.setQueue("8001");
        join.setChannel("SIP/100-00000001");
        join.setUniqueId("1.1");
        join.setCallerId("5551234");
        join.setPosition(2);
        join.setCount(2);
        LeaveEvent leave = new LeaveEvent(this);
        leave.setQueue("8001");
        leave.setChannel("SIP/100-00000001");
        leave.setCount(1);
        QueueMemberPausedEvent paused = new QueueMemberPausedEvent(this);
        paused.setQueue("8000");
        paused.setLocation("Agent/9000");
        paused.setMemberName("Agent 9000");
        paused.setPaused(true);
        paused.setReason("Break");

        assertEquals(Optional.of(new PbxEvent.QueueCallerJoin("8001", "SIP/100-00000001", "1.1", "", "5551234", "",
                2, 2)), translator.translate(join));
        assertEquals(Optional.of(new PbxEvent.QueueCallerLeave("8001", "SIP/100-00000001", "", 1)),
                translator.translate(leave));
        assertEquals(Optional.of(new PbxEvent.QueueMemberPause(new QueueMember("8000", "Agent 9000", "Agent/9000", "",
                "", 0, 0, 0, true, "Break", false))), translator.translate(paused));
    }

    @Test
    void passesOnlyAllowListedChannelVariables() {
        VarSetEvent wanted = varSet("MIXMONITOR_FILENAME", "/var/spool/asterisk/monitor/call-61.wav");
        VarSetEvent noise = varSet("BRIDGEPEER", "Local/1001@agents-00000041;1");

        assertEquals(Optional.of(new PbxEvent.VarSet("Local/556030@customers-00000040;1", "1795340507.128",
                "MIXMONITOR_FILENAME", "/var/spool/asterisk/monitor/call-61.wav")), translator.translate(wanted));
        assertEquals(Optional.empty(), translator.translate(noise));
    }

    @Test
    void ignoresEventsTheEngineDoesNotUse() {
        assertEquals(Optional.empty(), translator.translate(new NewExtenEvent(this)));
    }

    @Test
    void originateActionIdIsOursWithoutAsteriskJavasPrefix() {
        assertEquals("campaign-1-call-1", AmiEventTranslator.ownActionId("1234_7#campaign-1-call-1"));
        assertEquals("campaign-1-call-1", AmiEventTranslator.ownActionId("campaign-1-call-1"));
        assertEquals("", AmiEventTranslator.ownActionId(null));
    }

    private VarSetEvent varSet(String variable, String value) {
        VarSetEvent e = new VarSetEvent(this);
        e.setChannel("Local/556030@customers-00000040;1");
        e.setUniqueId("1795340507.128");
        e.setVariable(variable);
        e.setValue(value);
        return e;
    }

    private static void assertNoNulls(Record record, String source) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                Object value = c.getAccessor().invoke(record);
                assertNotNull(value, source + " → " + record.getClass().getSimpleName() + "." + c.getName());
                if (value instanceof Record nested) {
                    assertNoNulls(nested, source);
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
