package org.dialerd.eccp.handler.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentService;
import org.dialerd.core.store.AgentStore;
import org.dialerd.core.store.ScheduleStore;
import org.dialerd.core.store.Stores;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.FakeServices;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/** schedulecall through the dispatcher, with a fake engine and a store that records what it is asked. */
class ScheduleCallTest {
    private static final String COOKIE = "0123456789abcdef0123456789abcdef";
    private static final Agent AGENT = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.of("demo"));
    private static final CallLink OUTGOING = new CallLink("outgoing", 17, Optional.of(1), "0991234567",
            "Local/0991234567@customers-00000003;1", "1700000000.3", "8000", null,
            LocalDateTime.of(2026, 11, 22, 9, 59, 50), LocalDateTime.of(2026, 11, 22, 10, 0, 0));
    private static final CallLink INCOMING = new CallLink("incoming", 42, Optional.empty(), "042345678",
            "PJSIP/trunk-00000007", "1700000000.7", "8001", "trunk", LocalDateTime.of(2026, 11, 22, 9, 59, 50),
            LocalDateTime.of(2026, 11, 22, 10, 0, 0));
    private static final ScheduleStore.Window DECEMBER = new ScheduleStore.Window(LocalDate.of(2026, 12, 1),
            LocalDate.of(2026, 12, 2), LocalTime.of(10, 0), LocalTime.of(12, 0));

    private final Map<String, AgentView> views = new HashMap<>();
    private final List<ScheduleStore.Request> scheduled = new CopyOnWriteArrayList<>();
    private final AgentDirectory tracked = new AgentDirectory();
    private ScheduleStore.Outcome outcome = new ScheduleStore.Outcome.Scheduled(51);
    private final Dispatcher dispatcher;
    private final EccpSession session = new EccpSession("test");

    ScheduleCallTest() {
        Services base = FakeServices.create(() -> true);
        AgentStore agents = new AgentStore() {
            @Override
            public List<Agent> findAll() {
                return List.of(AGENT);
            }

            @Override
            public Optional<Agent> findByChannel(String type, String number) {
                return findAll().stream().filter(a -> a.channel().equals(type + "/" + number)).findFirst();
            }
        };
        ScheduleStore schedules = request -> {
            scheduled.add(request);
            return outcome;
        };
        Stores s = base.stores();
        Stores stores = new Stores(s.clients(), agents, s.breaks(), s.campaigns(), s.calls(), s.reports(),
                s.settings(), s.audit(), s.incomingCalls(), s.campaignStatus(), s.outgoingCalls(), schedules,
                s.recordings());
        tracked.replaceAll(List.of(AGENT));
        dispatcher = new Dispatcher(Handlers.all(), Services.builder(stores, tracked, base.pbx(), FakeServices.CLOCK,
                () -> COOKIE)
                .engine(engine()).extensions(base.extensions()).memberships(base.memberships()).build());
        session.loggedIn("agentconsole", COOKIE);
    }

    private AgentService engine() {
        return (AgentService) Proxy.newProxyInstance(AgentService.class.getClassLoader(),
                new Class<?>[] {AgentService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("view")) {
                        return Optional.ofNullable(views.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private void on(CallLink call) {
        views.put(AGENT.channel(), AgentView.builder(AGENT, AgentStatus.ONCALL).channel("Agent/9000").extension("1001")
                .call(call).build());
    }

    private void idle() {
        views.put(AGENT.channel(), AgentView.builder(AGENT, AgentStatus.ONLINE).channel("Agent/9000").extension("1001")
                .build());
    }

    private String send(XmlElement... arguments) {
        XmlElement.Builder request = XmlElement.builder("schedulecall")
                .add("agent_number", AGENT.channel())
                .add("agent_hash", Md5.agentHash(COOKIE, AGENT.channel(), "demo"));
        for (XmlElement argument : arguments) {
            request.add(argument);
        }
        return dispatcher.dispatch(session, new EccpRequest("1", request.build())).packet().toString();
    }

    private static XmlElement schedule(String dateInit, String dateEnd, String timeInit, String timeEnd) {
        return XmlElement.of("schedule", XmlElement.text("date_init", dateInit),
                XmlElement.text("date_end", dateEnd), XmlElement.text("time_init", timeInit),
                XmlElement.text("time_end", timeEnd));
    }

    private static XmlElement december() {
        return schedule("2026-12-01", "2026-12-02", "10:00:00", "12:00:00");
    }

    private static String failure(int code, String message) {
        return "<response id=\"1\"><schedulecall_response><failure><code>" + code + "</code><message>" + message
                + "</message></failure></schedulecall_response></response>";
    }

    private static final String SUCCESS =
            "<response id=\"1\"><schedulecall_response><success/></schedulecall_response></response>";
    private static final String BAD_REQUEST =
            "<response id=\"1\"><failure><code>400</code><message>Bad request</message></failure></response>";

    @Test
    void schedulesTheCurrentCallForAnyAgentWithoutAWindow() {
        on(OUTGOING);
        assertEquals(SUCCESS, send());
        assertEquals(List.of(new ScheduleStore.Request(1, 17, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())), scheduled);
    }

    @Test
    void schedulesForTheSameAgentWithAnotherNumberAndName() {
        on(OUTGOING);
        assertEquals(SUCCESS, send(XmlElement.text("campaign_type", "outgoing"), XmlElement.text("call_id", "17"),
                december(), XmlElement.text("sameagent", "1"), XmlElement.text("newphone", "0991999999"),
                XmlElement.text("newcontactname", "Zoila")));
        assertEquals(List.of(new ScheduleStore.Request(1, 17, Optional.of("0991999999"), Optional.of(DECEMBER),
                Optional.of("Agent/9000"), Optional.of("Zoila"))), scheduled);
    }

    @Test
    void acceptsAWindowStartingToday() {
        on(OUTGOING);
        assertEquals(SUCCESS, send(schedule("2026-11-22", "2026-11-22", "10:00:00", "10:00:00")));
    }

    @Test
    void refusesACampaignTypeOtherThanOutgoingAtTopLevel() {
        on(OUTGOING);
        assertEquals(BAD_REQUEST, send(XmlElement.text("campaign_type", "incoming"), XmlElement.text("call_id", "1")));
        assertEquals(List.of(), scheduled);
    }

    @Test
    void refusesAnIncompleteSchedule() {
        on(OUTGOING);
        assertEquals(failure(400, "Bad request: incomplete schedule"), send(XmlElement.of("schedule",
                XmlElement.text("date_init", "2026-12-01"), XmlElement.text("date_end", "2026-12-02"))));
    }

    @Test
    void namesTheFirstMalformedPartOfTheSchedule() {
        on(OUTGOING);
        assertEquals(failure(400, "Bad request: invalid date_init"),
                send(schedule("2026-12-1", "2026-12-02", "10:00:00", "12:00:00")));
        assertEquals(failure(400, "Bad request: invalid date_end"),
                send(schedule("2026-12-01", "2026-02-30", "10:00:00", "12:00:00")));
        assertEquals(failure(400, "Bad request: invalid time_init"),
                send(schedule("2026-12-01", "2026-12-02", "24:00:00", "12:00:00")));
        assertEquals(failure(400, "Bad request: invalid time_end"),
                send(schedule("2026-12-01", "2026-12-02", "10:00:00", "12:00")));
        assertEquals(List.of(), scheduled);
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        on(OUTGOING);
        assertEquals(failure(400, "Bad request: date_end before date_init"),
                send(schedule("2026-12-02", "2026-12-01", "10:00:00", "12:00:00")));
        assertEquals(failure(400, "Bad request: time_end before time_init"),
                send(schedule("2026-12-01", "2026-12-02", "12:00:00", "10:00:00")));
    }

    @Test
    void refusesAWindowStartingInThePast() {
        on(OUTGOING);
        assertEquals(failure(400, "Bad request: date_init before current date"),
                send(schedule("2026-11-21", "2026-12-02", "10:00:00", "12:00:00")));
    }

    @Test
    void refusesSameAgentWithoutSchedule() {
        on(OUTGOING);
        assertEquals(failure(400, "Bad request: sameagent requires schedule"),
                send(XmlElement.text("sameagent", "1")));
    }

    @Test
    void ignoresSameAgentZero() {
        on(OUTGOING);
        assertEquals(SUCCESS, send(XmlElement.text("sameagent", "0")));
        assertEquals(Optional.empty(), scheduled.get(0).agent());
    }

    @Test
    void refusesANewPhoneThatIsNotDigits() {
        on(OUTGOING);
        assertEquals(failure(400, "Bad request: invalid new phone"), send(XmlElement.text("newphone", "099-1999")));
        assertEquals(failure(400, "Bad request: invalid new phone"), send(XmlElement.text("newphone", "1".repeat(33))));
    }

    @Test
    void refusesAContactNameLongerThanTheAttributeColumn() {
        on(OUTGOING);
        assertEquals(failure(400, "Bad request: invalid new contact name"),
                send(XmlElement.text("newcontactname", "x".repeat(129))));
    }

    @Test
    void treatsBlankOptionalArgumentsAsAbsent() {
        on(OUTGOING);
        assertEquals(SUCCESS, send(XmlElement.text("newphone", " "), XmlElement.text("newcontactname", "")));
        assertEquals(Optional.empty(), scheduled.get(0).phone());
        assertEquals(Optional.empty(), scheduled.get(0).contactName());
    }

    @Test
    void refusesAnAgentTheDaemonDoesNotTrack() {
        tracked.replaceAll(List.of());
        assertEquals(failure(404, "Agent not found or not logged in through ECCP"), send());
    }

    @Test
    void refusesAnAgentThatIsNotLoggedIn() {
        assertEquals(failure(417, "Agent currently not logged in"), send(december()));
    }

    @Test
    void refusesAnAgentWithoutACall() {
        idle();
        assertEquals(failure(417, "Agent not in call"), send());
    }

    @Test
    void refusesAnIncomingCall() {
        on(INCOMING);
        assertEquals(failure(417, "Not in outgoing call"), send());
        assertEquals(List.of(), scheduled);
    }

    @Test
    void refusesACallIdThatIsNotTheCurrentCall() {
        on(OUTGOING);
        assertEquals(failure(417, "Not in outgoing call"), send(XmlElement.text("call_id", "18")));
        assertEquals(List.of(), scheduled);
    }

    @Test
    void reportsTheStoresRefusals() {
        on(OUTGOING);
        outcome = new ScheduleStore.Outcome.OutsideCampaign();
        assertEquals(failure(417, "Supplied date range outside campaign range"), send(december()));
        outcome = new ScheduleStore.Outcome.Duplicate();
        assertEquals(failure(417, "Found duplicate scheduled call"), send(december()));
        outcome = new ScheduleStore.Outcome.CallNotFound();
        assertEquals(failure(417, "Not in outgoing call"), send(december()));
    }
}
