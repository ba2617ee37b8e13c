package org.dialerd.eccp.handler.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentService;
import org.dialerd.core.store.CampaignStatusStore;
import org.dialerd.core.store.CampaignStatusStore.CallState;
import org.dialerd.core.store.CampaignStatusStore.CallSummary;
import org.dialerd.core.store.CampaignStatusStore.Durations;
import org.dialerd.core.store.CampaignStatusStore.WaitingCall;
import org.dialerd.core.store.ExtensionDirectory;
import org.dialerd.core.store.MembershipSource;
import org.dialerd.core.store.Stores;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.FakeServices;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** getcampaignstatus and getincomingqueuestatus through the dispatcher, over a fake store and engine. */
class StatusHandlersTest {
    private static final String ZERO_INCOMING = "<statuscount><total>0</total><onqueue>0</onqueue>"
            + "<success>0</success><onhold>0</onhold><abandoned>0</abandoned><finished>0</finished>"
            + "<losttrack>0</losttrack></statuscount>";
    private static final String EMPTY_LISTS_NO_STATS =
            "<agents/><activecalls/><stats><total_sec>0</total_sec><max_duration>0</max_duration></stats>";
    private static final LocalDateTime TODAY_9 = LocalDateTime.of(2026, 11, 22, 9, 0, 0);

    private final FakeStatusStore store = new FakeStatusStore();
    private final List<AgentView> views = new ArrayList<>();
    private final EccpSession session = new EccpSession("test");
    private Dispatcher dispatcher;

    @BeforeEach
    void loggedIn() {
        Stores stores = storesWith(store);
        Services services = Services.builder(stores, new AgentDirectory(), () -> true, FakeServices.CLOCK,
                () -> "0123456789abcdef0123456789abcdef")
                .engine(viewsOnly(views)).extensions(ExtensionDirectory.template("SIP/{ext}"))
                .memberships(agent -> List.<MembershipSource.Membership>of()).build();
        dispatcher = new Dispatcher(Handlers.all(), services);
        session.loggedIn("agentconsole", "0123456789abcdef0123456789abcdef");
    }

    private String send(String name, String... childNamesAndTexts) {
        XmlElement.Builder request = XmlElement.builder(name);
        for (int i = 0; i < childNamesAndTexts.length; i += 2) {
            request.add(childNamesAndTexts[i], childNamesAndTexts[i + 1]);
        }
        return dispatcher.dispatch(session, new EccpRequest("1", request.build())).packet().toString();
    }

    private static String response(String body) {
        return "<response id=\"1\">" + body + "</response>";
    }

    private static String topLevel(String message) {
        return response("<failure><code>400</code><message>" + message + "</message></failure>");
    }

    // ---- getcampaignstatus

    @Test
    void countsOutgoingCallsInWireOrderWithPendingAndStats() {
        store.outgoing.put(1L, new CallSummary("8000", 1007, Map.of(CallState.PENDING, 1000L,
                CallState.SUCCESS, 3L, CallState.FAILURE, 1L, CallState.SHORT_CALL, 1L, CallState.NO_ANSWER, 1L,
                CallState.ABANDONED, 1L), new Durations(577, 300), List.of()));

        assertEquals(response("<getcampaignstatus_response><statuscount><total>1007</total><pending>1000</pending>"
                + "<placing>0</placing><ringing>0</ringing><onqueue>0</onqueue><success>3</success><onhold>0</onhold>"
                + "<failure>1</failure><shortcall>1</shortcall><noanswer>1</noanswer><abandoned>1</abandoned>"
                + "</statuscount><agents/><activecalls/><stats><total_sec>577</total_sec>"
                + "<max_duration>300</max_duration></stats></getcampaignstatus_response>"),
                send("getcampaignstatus", "campaign_type", "outgoing", "campaign_id", "1"));
        assertEquals(Optional.empty(), store.lastSince);
    }

    @Test
    void campaignTypeDefaultsToOutgoingAndStartDayCountsFromMidnight() {
        store.outgoing.put(2L, new CallSummary("8000", 0, Map.of(), Durations.NONE, List.of()));

        String answer = send("getcampaignstatus", "campaign_id", "2", "datetime_start", "2026-11-22");

        assertEquals(true, answer.startsWith(response("<getcampaignstatus_response><statuscount><total>0</total>"
                + "<pending>0</pending>").replace("</response>", "")));
        assertEquals(Optional.of(LocalDateTime.of(2026, 11, 22, 0, 0)), store.lastSince);
    }

    @Test
    void countsIncomingCampaignWithIncomingVocabulary() {
        store.incoming.put(1L, new CallSummary("8001", 4, Map.of(CallState.ABANDONED, 1L, CallState.FINISHED, 2L,
                CallState.LOST_TRACK, 1L), new Durations(386, 266), List.of()));

        assertEquals(response("<getcampaignstatus_response><statuscount><total>4</total><onqueue>0</onqueue>"
                + "<success>0</success><onhold>0</onhold><abandoned>1</abandoned><finished>2</finished>"
                + "<losttrack>1</losttrack></statuscount><agents/><activecalls/><stats><total_sec>386</total_sec>"
                + "<max_duration>266</max_duration></stats></getcampaignstatus_response>"),
                send("getcampaignstatus", "campaign_type", "incoming", "campaign_id", "1"));
    }

    @Test
    void unknownCampaignIsWrapped404() {
        String notFound = response("<getcampaignstatus_response><failure><code>404</code>"
                + "<message>Campaign not found</message></failure></getcampaignstatus_response>");
        assertEquals(notFound, send("getcampaignstatus", "campaign_type", "outgoing", "campaign_id", "99"));
        assertEquals(notFound, send("getcampaignstatus", "campaign_type", "incoming", "campaign_id", "99"));
    }

    @Test
    void refusesMissingIdBadTypeAndBadStartDayAtTopLevel() {
        assertEquals(topLevel("Bad request"), send("getcampaignstatus", "campaign_type", "outgoing"));
        assertEquals(topLevel("Bad request"), send("getcampaignstatus", "campaign_type", "foo", "campaign_id", "1"));
        assertEquals(topLevel("Bad request - invalid start date"), send("getcampaignstatus",
                "campaign_type", "outgoing", "campaign_id", "1", "datetime_start", "2026-11"));
    }

    @Test
    void checksStartDayBeforeCampaignType() {
        assertEquals(topLevel("Bad request - invalid start date"), send("getcampaignstatus",
                "campaign_type", "foo", "campaign_id", "1", "datetime_start", "today"));
    }

    @Test
    void listsQueueMembersWithTheirPauseAndCall() {
        store.outgoing.put(1L, new CallSummary("8000", 0, Map.of(), Durations.NONE, List.of()));
        Agent paused = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.of("demo"));
        Agent talking = new Agent(2, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
        Agent elsewhere = new Agent(3, AgentType.AGENT, "9001", "Agent 9001", true, Optional.of("demo"));
        views.add(AgentView.builder(paused, AgentStatus.PAUSED).channel("Agent/9000").extension("1001")
                .pause(new AgentView.Pause(2, "Lunch & co", TODAY_9)).queues(List.of("8000", "8001"))
                .loginStart(TODAY_9).build());
        views.add(AgentView.builder(talking, AgentStatus.ONCALL).channel("SIP/1001").extension("1001")
                .queues(List.of("8000")).loginStart(TODAY_9)
                .call(new CallLink("outgoing", 1006, Optional.of(1), "0991000006", "SIP/trunk-00000001",
                        "1795338000.106", "8000", "SIP/trunk", LocalDateTime.of(2026, 11, 21, 9, 0, 4),
                        TODAY_9.plusSeconds(16)))
                .build());
        views.add(AgentView.builder(elsewhere, AgentStatus.ONLINE).channel("Agent/9001").extension("1002")
                .queues(List.of("8001")).loginStart(TODAY_9).build());

        String answer = send("getcampaignstatus", "campaign_id", "1");

        assertEquals(true, answer.contains("<agents><agent><agentchannel>Agent/9000</agentchannel>"
                + "<status>paused</status><pausename>Lunch &amp; co</pausename><pauseid>2</pauseid>"
                + "<pausestart>09:00:00</pausestart></agent>"
                + "<agent><agentchannel>SIP/1001</agentchannel><status>oncall</status><callid>1006</callid>"
                + "<callnumber>0991000006</callnumber><callclient>SIP/trunk-00000001</callclient>"
                + "<queuestart>2026-11-21 09:00:04</queuestart><linkstart>09:00:16</linkstart>"
                + "<trunk>SIP/trunk</trunk></agent></agents>"), answer);
    }

    @Test
    void listsCallsWaitingForAnAgent() {
        store.outgoing.put(1L, new CallSummary("8000", 2, Map.of(CallState.PLACING, 1L, CallState.ON_QUEUE, 1L),
                Durations.NONE, List.of(
                        new WaitingCall(65, "1065", CallState.PLACING, Optional.of(TODAY_9), Optional.empty(),
                                Optional.empty(), Optional.empty()),
                        new WaitingCall(66, "1066", CallState.ON_QUEUE, Optional.of(TODAY_9),
                                Optional.of(TODAY_9.plusSeconds(5)), Optional.of(TODAY_9.plusSeconds(6)),
                                Optional.of("SIP/trunk")))));

        String answer = send("getcampaignstatus", "campaign_id", "1");

        assertEquals(true, answer.contains("<activecalls><activecall><callnumber>1065</callnumber><callid>65</callid>"
                + "<callstatus>Placing</callstatus><dialstart>09:00:00</dialstart></activecall>"
                + "<activecall><callnumber>1066</callnumber><callid>66</callid><callstatus>OnQueue</callstatus>"
                + "<dialstart>09:00:00</dialstart><dialend>09:00:05</dialend><queuestart>09:00:06</queuestart>"
                + "<trunk>SIP/trunk</trunk></activecall></activecalls>"), answer);
    }

    // ---- getincomingqueuestatus

    @Test
    void unknownQueueAnswersZeros() {
        assertEquals(response("<getincomingqueuestatus_response>" + ZERO_INCOMING + EMPTY_LISTS_NO_STATS
                + "</getincomingqueuestatus_response>"), send("getincomingqueuestatus", "queue", "9999"));
        assertEquals("9999", store.lastQueue);
    }

    @Test
    void incomingQueueListsItsMembersOnly() {
        Agent member = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
        views.add(AgentView.builder(member, AgentStatus.ONLINE).channel("SIP/1001").extension("1001")
                .queues(List.of("8001")).loginStart(TODAY_9).build());
        views.add(AgentView.offline(new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.empty())));

        String answer = send("getincomingqueuestatus", "queue", "8001", "datetime_start", "2026-02-30");

        assertEquals(true, answer.contains("<agents><agent><agentchannel>SIP/1001</agentchannel>"
                + "<status>online</status></agent></agents>"), answer);
        assertEquals(Optional.of(LocalDateTime.of(2026, 3, 1, 0, 0)), store.lastSince);
    }

    @Test
    void incomingQueueRefusesMissingQueueAndBadStartDay() {
        assertEquals(topLevel("Bad request"), send("getincomingqueuestatus"));
        assertEquals(topLevel("Bad request - invalid start date"),
                send("getincomingqueuestatus", "queue", "8001", "datetime_start", "today"));
    }

    @Test
    void answersNoAmiConnectionWhileAsteriskIsDown() {
        Stores stores = storesWith(store);
        Dispatcher down = new Dispatcher(Handlers.all(), Services.builder(stores, new AgentDirectory(), () -> false,
                FakeServices.CLOCK, () -> "0123456789abcdef0123456789abcdef")
                .build());
        String answer = down.dispatch(session, new EccpRequest("1",
                XmlElement.of("getincomingqueuestatus", XmlElement.text("queue", "8001")))).packet().toString();
        assertEquals(response("<failure><code>500</code><message>No AMI connection</message></failure>"), answer);
    }

    /** Summaries by campaign id; an unknown queue has no calls. */
    private static final class FakeStatusStore implements CampaignStatusStore {
        final Map<Long, CallSummary> outgoing = new java.util.HashMap<>();
        final Map<Long, CallSummary> incoming = new java.util.HashMap<>();
        Optional<LocalDateTime> lastSince;
        String lastQueue;

        @Override
        public Optional<CallSummary> outgoingCampaign(long campaignId, Optional<LocalDateTime> since) {
            lastSince = since;
            return Optional.ofNullable(outgoing.get(campaignId));
        }

        @Override
        public Optional<CallSummary> incomingCampaign(long campaignId, Optional<LocalDateTime> since) {
            lastSince = since;
            return Optional.ofNullable(incoming.get(campaignId));
        }

        @Override
        public CallSummary incomingQueue(String queue, Optional<LocalDateTime> since) {
            lastSince = since;
            lastQueue = queue;
            return new CallSummary(queue, 0, Map.of(), Durations.NONE, List.of());
        }
    }

    /** An engine that only publishes views; any other call fails the test. */
    private static AgentService viewsOnly(List<AgentView> views) {
        return (AgentService) Proxy.newProxyInstance(AgentService.class.getClassLoader(),
                new Class<?>[] {AgentService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("views")) {
                        return List.copyOf(views);
                    }
                    throw new UnsupportedOperationException("engine " + method.getName() + " not used by this test");
                });
    }

    /** Stores whose only working one is the status store; built from the record's components so new stores need no edit here. */
    private static Stores storesWith(CampaignStatusStore statusStore) {
        try {
            var components = Stores.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = types[i] == CampaignStatusStore.class ? statusStore : unused(types[i]);
            }
            return Stores.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(type.getSimpleName() + " not used by this test");
        });
    }
}
