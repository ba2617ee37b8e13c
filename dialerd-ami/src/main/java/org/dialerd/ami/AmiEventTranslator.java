package org.dialerd.ami;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentLoginEvent;
import org.asteriskjava.manager.event.AgentLogoffEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ChanSpyStartEvent;
import org.asteriskjava.manager.event.ChanSpyStopEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.JoinEvent;
import org.asteriskjava.manager.event.LeaveEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MixMonitorStartEvent;
import org.asteriskjava.manager.event.MixMonitorStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ParkedCallEvent;
import org.asteriskjava.manager.event.ParkedCallGiveUpEvent;
import org.asteriskjava.manager.event.ParkedCallTimeOutEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.asteriskjava.manager.event.UnparkedCallEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.dialerd.ami.internal.AgentLogoffFixedEvent;
import org.dialerd.ami.internal.MixMonitorMuteEvent;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxEvent.QueueMember;

/**
 * asterisk-java event beans → {@link PbxEvent} records; everything else (Newexten, DialBegin,
 * DeviceStateChange, list items, ...) is not the engine's business and maps to empty.
 * One stateless rule per event class, looked up by exact class: cheap enough to run on
 * asterisk-java's event pump. Absent fields become {@code ""} or {@code 0}.
 *
 * <p>Bean quirks handled here (see notes/asterisk-java-on-asterisk-22.md): QueueMemberPause
 * keeps PausedReason/InCall in {@code getPausedreason()}/{@code getIncall()}; agent events keep
 * the member's leg in {@code getDestChannel()} (the pre-12 getters stay null); OriginateResponse's
 * ActionID is ours once asterisk-java strips its {@code <internal>#} prefix; RingTime is
 * milliseconds in AgentRingNoAnswer but seconds in AgentConnect.
 */
final class AmiEventTranslator {

    /** Channel variables the engine needs; the rest of Asterisk's heavy VarSet traffic is ignored. */
    static final Set<String> VARIABLES = Set.of("MIXMONITOR_FILENAME");

    private final Map<Class<?>, Function<ManagerEvent, PbxEvent>> rules;

    @SuppressWarnings("deprecation") // the pre-12 getters, read where the current one is empty
    AmiEventTranslator() {
        Rules r = new Rules();
        r.on(ShutdownEvent.class, e -> new PbxEvent.Shutdown(Boolean.TRUE.equals(e.getRestart())));
        r.on(AgentLoginEvent.class, e -> new PbxEvent.AgentLogin(s(e.getAgent()), s(e.getChannel()),
                s(e.getUniqueId())));
        r.on(AgentLogoffEvent.class, AmiEventTranslator::agentLogoff);
        r.on(AgentLogoffFixedEvent.class, AmiEventTranslator::agentLogoff);
        r.on(QueueMemberAddedEvent.class, e -> new PbxEvent.QueueMemberAdded(new QueueMember(s(e.getQueue()),
                s(e.getMemberName()), s(first(e.getInterface(), e.getLocation())), s(e.getStateinterface()),
                s(e.getMembership()), i(e.getPenalty()), i(e.getCallsTaken()), i(e.getStatus()), b(e.getPaused()),
                s(e.getPausedReason()), flag(e.getInCall()))));
        r.on(QueueMemberRemovedEvent.class, e -> new PbxEvent.QueueMemberRemoved(new QueueMember(s(e.getQueue()),
                s(e.getMemberName()), s(first(e.getInterface(), e.getLocation())), s(e.getStateinterface()),
                s(e.getMembership()), i(e.getPenalty()), i(e.getCallstaken()), i(e.getStatus()), b(e.getPaused()),
                s(e.getPausedReason()), flag(e.getInCall()))));
        r.on(QueueMemberStatusEvent.class, e -> new PbxEvent.QueueMemberStatus(new QueueMember(s(e.getQueue()),
                s(first(e.getMemberName(), e.getName())), s(first(e.getInterface(), e.getLocation())),
                s(e.getStateinterface()), s(e.getMembership()), i(e.getPenalty()), i(e.getCallsTaken()),
                i(e.getStatus()), b(e.getPaused()), s(e.getPausedreason()), i(e.getIncall()) != 0)));
        r.on(QueueMemberPauseEvent.class, e -> new PbxEvent.QueueMemberPause(new QueueMember(s(e.getQueue()),
                s(e.getMemberName()), s(first(e.getInterface(), e.getLocation())), s(e.getStateInterface()),
                s(e.getMembership()), i(e.getPenalty()), i(e.getCallsTaken()), i(e.getStatus()), b(e.getPaused()),
                s(first(e.getPausedreason(), e.getPausedReason(), e.getReason())), i(e.getIncall()) != 0)));
        r.on(QueueMemberPausedEvent.class, e -> new PbxEvent.QueueMemberPause(new QueueMember(s(e.getQueue()),
                s(e.getMemberName()), s(first(e.getInterface(), e.getLocation())), "", "", 0, 0, 0,
                b(e.getPaused()), s(first(e.getPausedReason(), e.getReason())), flag(e.getInCall()))));
        r.on(QueueCallerJoinEvent.class, e -> new PbxEvent.QueueCallerJoin(s(e.getQueue()), s(e.getChannel()),
                s(e.getUniqueId()), s(e.getLinkedId()), s(e.getCallerIdNum()), s(e.getCallerIdName()),
                i(e.getPosition()), i(e.getCount())));
        r.on(JoinEvent.class, e -> new PbxEvent.QueueCallerJoin(s(e.getQueue()), s(e.getChannel()),
                s(e.getUniqueId()), "", s(first(e.getCallerIdNum(), e.getCallerId())), s(e.getCallerIdName()),
                i(e.getPosition()), i(e.getCount())));
        r.on(QueueCallerLeaveEvent.class, e -> new PbxEvent.QueueCallerLeave(s(e.getQueue()), s(e.getChannel()),
                s(e.getUniqueId()), i(e.getCount())));
        r.on(LeaveEvent.class, e -> new PbxEvent.QueueCallerLeave(s(e.getQueue()), s(e.getChannel()),
                s(e.getUniqueId()), i(e.getCount())));
        r.on(QueueCallerAbandonEvent.class, e -> new PbxEvent.QueueCallerAbandon(s(e.getQueue()),
                s(e.getChannel()), s(e.getUniqueId()), i(e.getPosition()), i(e.getOriginalPosition()),
                seconds(e.getHoldTime())));
        r.on(AgentCalledEvent.class, e -> new PbxEvent.AgentCalled(s(e.getQueue()),
                s(first(e.getChannel(), e.getChannelCalling())), s(e.getUniqueId()),
                s(first(e.getDestChannel(), e.getDestinationChannel())), s(first(e.getInterface(), e.getAgentCalled())),
                s(first(e.getMemberName(), e.getAgentName()))));
        r.on(AgentRingNoAnswerEvent.class, e -> new PbxEvent.AgentRingNoAnswer(s(e.getQueue()), s(e.getChannel()),
                s(e.getUniqueId()), s(e.getDestChannel()), s(first(e.getInterface(), e.getMember())),
                s(e.getMemberName()), Duration.ofMillis(l(e.getRingtime()))));
        r.on(AgentConnectEvent.class, e -> new PbxEvent.AgentConnect(s(e.getQueue()), s(e.getChannel()),
                s(e.getUniqueId()), s(e.getLinkedId()), s(first(e.getDestChannel(), e.getBridgedChannel())),
                s(e.getDestUniqueId()), s(first(e.getInterface(), e.getMember())), s(e.getMemberName()),
                seconds(e.getHoldTime()), seconds(e.getRingtime())));
        r.on(AgentCompleteEvent.class, e -> new PbxEvent.AgentComplete(s(e.getQueue()), s(e.getChannel()),
                s(e.getUniqueId()), s(e.getDestChannel()), s(first(e.getInterface(), e.getMember())),
                s(e.getMemberName()), seconds(e.getHoldTime()), seconds(e.getTalkTime()), s(e.getReason())));
        r.on(OriginateResponseEvent.class, e -> new PbxEvent.OriginateResponse(ownActionId(e.getActionId()),
                "success".equalsIgnoreCase(e.getResponse()), i(e.getReason()), s(e.getChannel()),
                s(e.getUniqueId()), s(e.getContext()), s(e.getExten())));
        r.on(NewChannelEvent.class, e -> new PbxEvent.NewChannel(s(e.getChannel()), s(e.getUniqueId()),
                s(e.getLinkedid()), s(e.getCallerIdNum()), s(e.getContext()), s(e.getExten())));
        r.on(HangupEvent.class, e -> new PbxEvent.Hangup(s(e.getChannel()), s(e.getUniqueId()),
                s(e.getLinkedId()), i(e.getCause()), s(e.getCauseTxt())));
        r.on(BridgeEnterEvent.class, e -> new PbxEvent.BridgeEnter(s(e.getBridgeUniqueId()), s(e.getChannel()),
                s(e.getUniqueId()), s(e.getLinkedId())));
        r.on(BridgeLeaveEvent.class, e -> new PbxEvent.BridgeLeave(s(e.getBridgeUniqueId()), s(e.getChannel()),
                s(e.getUniqueId()), s(e.getLinkedId())));
        r.on(ParkedCallEvent.class, e -> new PbxEvent.ParkedCall(s(e.getParkeeChannel()),
                s(e.getParkeeUniqueid()), s(e.getParkingSpace()), s(e.getParkingLot())));
        r.on(UnparkedCallEvent.class, e -> new PbxEvent.UnParkedCall(s(e.getParkeeChannel()),
                s(e.getParkeeUniqueid()), s(e.getParkingSpace()), s(e.getRetrieverChannel())));
        r.on(ParkedCallGiveUpEvent.class, e -> new PbxEvent.ParkedCallGiveUp(s(e.getParkeeChannel()),
                s(e.getParkeeUniqueid()), s(e.getParkingSpace())));
        r.on(ParkedCallTimeOutEvent.class, e -> new PbxEvent.ParkedCallTimeOut(s(e.getParkeeChannel()),
                s(e.getParkeeUniqueid()), s(e.getParkingSpace())));
        r.on(MixMonitorStartEvent.class, e -> new PbxEvent.MixMonitorStart(s(e.getChannel()), s(e.getUniqueId())));
        r.on(MixMonitorStopEvent.class, e -> new PbxEvent.MixMonitorStop(s(e.getChannel()), s(e.getUniqueId())));
        r.on(MixMonitorMuteEvent.class, e -> new PbxEvent.MixMonitorMute(s(e.getChannel()), s(e.getUniqueId()),
                s(e.getDirection()), "1".equals(e.getState())));
        r.on(VarSetEvent.class, e -> e.getVariable() != null && VARIABLES.contains(e.getVariable())
                ? new PbxEvent.VarSet(s(e.getChannel()), s(e.getUniqueId()), e.getVariable(), s(e.getValue()))
                : null);
        r.on(BlindTransferEvent.class, e -> new PbxEvent.BlindTransfer(s(e.getTransfererChannel()),
                s(e.getTransfereeChannel()), s(e.getExtension()), s(e.getContext()),
                "success".equalsIgnoreCase(e.getResult())));
        r.on(AttendedTransferEvent.class, e -> new PbxEvent.AttendedTransfer(s(e.getOrigTransfererChannel()),
                s(e.getSecondTransfererChannel()), s(e.getResult())));
        r.on(HoldEvent.class, e -> new PbxEvent.Hold(s(e.getChannel()), s(e.getUniqueId())));
        r.on(UnholdEvent.class, e -> new PbxEvent.Unhold(s(e.getChannel()), s(e.getUniqueId())));
        r.on(ChanSpyStartEvent.class, e -> new PbxEvent.ChanSpyStart(s(e.getSpyerChannel()), s(e.getSpyerUniqueId()),
                s(e.getSpyeeChannel()), s(e.getSpyeeUniqueId())));
        r.on(ChanSpyStopEvent.class, e -> new PbxEvent.ChanSpyStop(s(e.getSpyerChannel()), s(e.getSpyerUniqueId()),
                s(e.getSpyeeChannel())));
        rules = Map.copyOf(r.rules);
    }

    /** The asterisk-java event classes that become a {@link PbxEvent}. */
    Set<Class<?>> translatedClasses() {
        return rules.keySet();
    }

    Optional<PbxEvent> translate(ManagerEvent event) {
        Function<ManagerEvent, PbxEvent> rule = rules.get(event.getClass());
        return rule == null ? Optional.empty() : Optional.ofNullable(rule.apply(event));
    }

    private static PbxEvent agentLogoff(AgentLogoffEvent e) {
        return new PbxEvent.AgentLogoff(s(e.getAgent()), Duration.ofSeconds(parseLong(e.getLoginTime())));
    }

    /** asterisk-java strips its {@code <internal>#} prefix; a stray one is stripped here too. */
    static String ownActionId(String actionId) {
        String id = s(actionId);
        int hash = id.indexOf('#');
        return hash >= 0 ? id.substring(hash + 1) : id;
    }

    /** The event classes with a rule (the noise filter must never skip one of them). */
    Set<Class<?>> translatedTypes() {
        return rules.keySet();
    }

    private static final class Rules {
        final Map<Class<?>, Function<ManagerEvent, PbxEvent>> rules = new HashMap<>();

        <T extends ManagerEvent> void on(Class<T> type, Function<T, PbxEvent> rule) {
            rules.put(type, e -> rule.apply(type.cast(e)));
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }

    private static int i(Number value) {
        return value == null ? 0 : value.intValue();
    }

    private static long l(Number value) {
        return value == null ? 0 : value.longValue();
    }

    private static boolean b(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    /** AMI's 0/1 (asterisk-java keeps some as strings). */
    private static boolean flag(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
    }

    private static Duration seconds(Number value) {
        return Duration.ofSeconds(l(value));
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
