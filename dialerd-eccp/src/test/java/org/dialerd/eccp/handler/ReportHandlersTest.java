package org.dialerd.eccp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.store.AgentStore;
import org.dialerd.core.store.BreakStore;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CampaignStore;
import org.dialerd.core.store.ClientStore;
import org.dialerd.core.store.ReportStore;
import org.dialerd.core.store.Stores;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/** The report requests through the dispatcher, over in-memory stores, with AMI down (none of them needs it). */
class ReportHandlersTest {
    private static final String COOKIE = "0123456789abcdef0123456789abcdef";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:45:00Z"), ZoneOffset.UTC);
    private static final Agent AGENT_9000 = agent(1, AgentType.AGENT, "9000", true, "demo");
    private static final Agent SIP_1001 = agent(6, AgentType.SIP, "1001", true, "demo");
    private static final Agent AGENT_9005 = agent(11, AgentType.AGENT, "9005", false, "demo");
    private static final Agent SIP_1006 = agent(12, AgentType.SIP, "1006", true, null);
    private static final Agent SIP_1007 = agent(13, AgentType.SIP, "1007", true, "demo");

    private final List<Agent> databaseAgents = new ArrayList<>(List.of(AGENT_9000, SIP_1001, AGENT_9005, SIP_1006,
            SIP_1007));
    private final AgentDirectory tracked = new AgentDirectory();
    private final FakeReports reports = new FakeReports();
    private final Dispatcher dispatcher = new Dispatcher(Handlers.all(), services());
    private final EccpSession session = new EccpSession("test");

    ReportHandlersTest() {
        tracked.replaceAll(List.of(AGENT_9000, SIP_1001, AGENT_9005, SIP_1006));
        session.loggedIn("agentconsole", COOKIE);
    }

    // ---- campaignlog

    @Test
    void campaignLogDefaultsToTheClocksDay() {
        send("<campaignlog><campaign_type>outgoing</campaign_type><campaign_id>1</campaign_id></campaignlog>");

        assertEquals(new ReportStore.OutgoingCampaign(1), reports.logSource);
        assertEquals(LocalDate.of(2026, 11, 22), reports.firstDay);
        assertEquals(LocalDate.of(2026, 11, 22), reports.lastDay);
        assertEquals(Optional.empty(), reports.newest);
    }

    @Test
    void campaignLogWritesEntriesInTheReferenceOrderWithoutNulls() {
        reports.logEntries = List.of(
                new ReportStore.LogEntry(17, LocalDateTime.parse("2026-11-22T10:05:00"), "0966666666", "8001", null, 6,
                        "OnQueue", 0L, "1795341900.206", "DAHDI/3", null, null),
                new ReportStore.LogEntry(18, LocalDateTime.parse("2026-11-22T10:05:25"), "0966666666", "8001", 3L, 6,
                        "Hangup", null, null, null, 25L, "Agent/9000"));

        assertEquals("<response id=\"1\"><campaignlog_response><logentries>"
                + "<logentry><id>17</id><datetime_entry>2026-11-22 10:05:00</datetime_entry><phone>0966666666</phone>"
                + "<queue>8001</queue><campaign_type>incoming</campaign_type><call_id>6</call_id>"
                + "<new_status>OnQueue</new_status><retry>0</retry><uniqueid>1795341900.206</uniqueid>"
                + "<trunk>DAHDI/3</trunk></logentry>"
                + "<logentry><id>18</id><datetime_entry>2026-11-22 10:05:25</datetime_entry><phone>0966666666</phone>"
                + "<queue>8001</queue><campaign_type>incoming</campaign_type><campaign_id>3</campaign_id>"
                + "<call_id>6</call_id><new_status>Hangup</new_status><duration>25</duration>"
                + "<agentchannel>Agent/9000</agentchannel></logentry>"
                + "</logentries></campaignlog_response></response>",
                send("<campaignlog><campaign_type>incoming</campaign_type><queue>8001</queue></campaignlog>"));
        assertEquals(new ReportStore.IncomingQueue("8001"), reports.logSource);
    }

    @Test
    void campaignLogWithoutEntriesIsAnEmptyList() {
        assertEquals("<response id=\"1\"><campaignlog_response><logentries/></campaignlog_response></response>",
                send("<campaignlog><campaign_type>incoming</campaign_type><campaign_id>1</campaign_id>"
                        + "<datetime_start>2026-11-20</datetime_start><datetime_end>2026-11-20</datetime_end>"
                        + "</campaignlog>"));
    }

    @Test
    void campaignLogChecksDatesBeforeTheCampaignType() {
        assertEquals("<response id=\"1\"><failure><code>400</code><message>Bad request - invalid end date</message>"
                + "</failure></response>", send("<campaignlog><datetime_end>x</datetime_end></campaignlog>"));
        assertNull(reports.logSource);
    }

    @Test
    void campaignLogPassesLastNAndIdBefore() {
        send("<campaignlog><campaign_type>outgoing</campaign_type><campaign_id>1</campaign_id>"
                + "<datetime_start>2026-11-21</datetime_start><datetime_end>2026-11-22</datetime_end>"
                + "<last_n>2</last_n><idbefore>5</idbefore></campaignlog>");

        assertEquals(Optional.of(new ReportStore.Newest(2, OptionalLong.of(5))), reports.newest);
        assertEquals(LocalDate.of(2026, 11, 21), reports.firstDay);
    }

    // ---- getagentactivitysummary

    @Test
    void activitySummaryListsEveryAgentTheStoreReturns() {
        reports.activity = List.of(
                new ReportStore.AgentActivity(2, "Agent/9001", "Agent 9001", 7500,
                        List.of(new ReportStore.QueueCalls("8001", OptionalLong.empty(), 1)),
                        List.of(new ReportStore.QueueCalls("8000", OptionalLong.of(300), 1)),
                        Optional.of(new ReportStore.Interval(LocalDateTime.parse("2026-11-22T08:15:00"),
                                Optional.of(LocalDateTime.parse("2026-11-22T10:20:00")))),
                        Optional.of(new ReportStore.Interval(LocalDateTime.parse("2026-11-22T10:10:00"),
                                Optional.empty()))),
                new ReportStore.AgentActivity(12, "SIP/1006", "María José Muñoz", 0, List.of(), List.of(),
                        Optional.empty(), Optional.empty()));

        assertEquals("<response id=\"1\"><getagentactivitysummary_response><agents>"
                + "<agent><agentchannel>Agent/9001</agentchannel><agentname>Agent 9001</agentname>"
                + "<logintime>7500</logintime><callsummary><incoming><queue id=\"8001\"><sec_calls/>"
                + "<num_calls>1</num_calls></queue></incoming><outgoing><queue id=\"8000\"><sec_calls>300</sec_calls>"
                + "<num_calls>1</num_calls></queue></outgoing></callsummary>"
                + "<lastsessionstart>2026-11-22 08:15:00</lastsessionstart>"
                + "<lastsessionend>2026-11-22 10:20:00</lastsessionend>"
                + "<lastpausestart>2026-11-22 10:10:00</lastpausestart></agent>"
                + "<agent><agentchannel>SIP/1006</agentchannel><agentname>Mar&#xED;a Jos&#xE9; Mu&#xF1;oz</agentname>"
                + "<logintime>0</logintime><callsummary><incoming/><outgoing/></callsummary></agent>"
                + "</agents></getagentactivitysummary_response></response>",
                send("<getagentactivitysummary/>"));
        assertEquals(LocalDate.of(2026, 11, 22), reports.firstDay);
        assertEquals(LocalDate.of(2026, 11, 22), reports.lastDay);
    }

    @Test
    void activitySummarySwapsDates() {
        send("<getagentactivitysummary><datetime_start>2026-11-22</datetime_start>"
                + "<datetime_end>2026-11-21</datetime_end></getagentactivitysummary>");

        assertEquals(LocalDate.of(2026, 11, 21), reports.firstDay);
        assertEquals(LocalDate.of(2026, 11, 22), reports.lastDay);
    }

    @Test
    void activitySummaryRefusesABadStartDate() {
        assertEquals("<response id=\"1\"><failure><code>400</code><message>Bad request - invalid start date"
                + "</message></failure></response>",
                send("<getagentactivitysummary><datetime_start>2026/11/21</datetime_start></getagentactivitysummary>"));
    }

    // ---- getagentqueues

    @Test
    void dynamicAgentQueuesAreItsConfiguredMemberships() {
        reports.memberships.add(new ReportStore.QueueMembership(6, "8000", 0));
        reports.memberships.add(new ReportStore.QueueMembership(6, "8001", 2));
        reports.memberships.add(new ReportStore.QueueMembership(1, "8001", 0));

        assertEquals("<response id=\"1\"><getagentqueues_response><queues><queue>8000</queue><queue>8001</queue>"
                + "</queues></getagentqueues_response></response>",
                send("<getagentqueues><agent_number>SIP/1001</agent_number></getagentqueues>"));
    }

    @Test
    void staticAgentQueuesComeFromAsteriskNotTheTable() {
        reports.memberships.add(new ReportStore.QueueMembership(1, "8001", 0));
        assertEquals("<response id=\"1\"><getagentqueues_response><queues/></getagentqueues_response></response>",
                send("<getagentqueues><agent_number>Agent/9000</agent_number></getagentqueues>"));
    }

    @Test
    void agentWithoutMembershipsHasAnEmptyQueueList() {
        assertEquals("<response id=\"1\"><getagentqueues_response><queues/></getagentqueues_response></response>",
                send("<getagentqueues><agent_number>SIP/1001</agent_number></getagentqueues>"));
    }

    @Test
    void agentQueuesAnswersAnAgentTheDaemonDoesNotTrackYet() {
        assertEquals("<response id=\"1\"><getagentqueues_response><queues/></getagentqueues_response></response>",
                send("<getagentqueues><agent_number>SIP/1007</agent_number></getagentqueues>"));
    }

    @Test
    void agentQueuesRefusesUnknownInactiveAndBadlyFormattedAgentsAlike() {
        String notFound = "<response id=\"1\"><getagentqueues_response><failure><code>404</code>"
                + "<message>Specified agent not found</message></failure></getagentqueues_response></response>";
        assertEquals(notFound, send("<getagentqueues><agent_number>Agent/9999</agent_number></getagentqueues>"));
        assertEquals(notFound, send("<getagentqueues><agent_number>Agent/9005</agent_number></getagentqueues>"));
        assertEquals(notFound, send("<getagentqueues><agent_number>9000</agent_number></getagentqueues>"));
    }

    @Test
    void agentQueuesWithoutAgentIsATopLevelBadRequest() {
        assertEquals("<response id=\"1\"><failure><code>400</code><message>Bad request</message></failure></response>",
                send("<getagentqueues/>"));
    }

    // ---- getmultipleagentqueues

    @Test
    void multipleAgentQueuesAnswersEachAgentOnceInRequestOrder() {
        reports.memberships.add(new ReportStore.QueueMembership(1, "8000", 0));
        reports.memberships.add(new ReportStore.QueueMembership(6, "8001", 0));
        reports.memberships.add(new ReportStore.QueueMembership(6, "8002", 0));

        assertEquals("<response id=\"1\"><getmultipleagentqueues_response><agents>"
                + "<agent><agent_number>SIP/1001</agent_number><queues><queue>8001</queue><queue>8002</queue></queues>"
                + "</agent><agent><agent_number>Agent/9000</agent_number><queues/></agent>"
                + "<agent><agent_number>SIP/1006</agent_number><queues/></agent>"
                + "</agents></getmultipleagentqueues_response></response>",
                send("<getmultipleagentqueues><agents><agent_number>SIP/1001</agent_number>"
                        + "<agent_number>Agent/9000</agent_number><agent_number>SIP/1001</agent_number>"
                        + "<agent_number>SIP/1006</agent_number></agents></getmultipleagentqueues>"));
    }

    @Test
    void multipleAgentQueuesFailsWholeForOneUnknownOrInactiveAgent() {
        String notFound = "<response id=\"1\"><getmultipleagentqueues_response><failure><code>404</code>"
                + "<message>Specified agent not found</message></failure></getmultipleagentqueues_response></response>";
        assertEquals(notFound, send("<getmultipleagentqueues><agents><agent_number>Agent/9000</agent_number>"
                + "<agent_number>Agent/9999</agent_number></agents></getmultipleagentqueues>"));
        assertEquals(notFound, send("<getmultipleagentqueues><agents><agent_number>Agent/9005</agent_number>"
                + "</agents></getmultipleagentqueues>"));
    }

    @Test
    void multipleAgentQueuesChecksEveryFormatBeforeLookingAgentsUp() {
        assertEquals("<response id=\"1\"><getmultipleagentqueues_response><failure><code>417</code>"
                + "<message>Invalid agent number</message></failure></getmultipleagentqueues_response></response>",
                send("<getmultipleagentqueues><agents><agent_number>Agent/9999</agent_number>"
                        + "<agent_number>9000</agent_number></agents></getmultipleagentqueues>"));
    }

    @Test
    void multipleAgentQueuesWithEmptyAgentsIsAnEmptyList() {
        assertEquals("<response id=\"1\"><getmultipleagentqueues_response><agents/>"
                + "</getmultipleagentqueues_response></response>",
                send("<getmultipleagentqueues><agents/></getmultipleagentqueues>"));
    }

    @Test
    void multipleAgentQueuesWithoutAgentsIsATopLevelBadRequest() {
        assertEquals("<response id=\"1\"><failure><code>400</code><message>Bad request</message></failure></response>",
                send("<getmultipleagentqueues/>"));
    }

    // ---- pingagent

    @Test
    void pingSucceedsForATrackedAgentThatIsNotLoggedIn() {
        assertEquals("<response id=\"1\"><pingagent_response><success/></pingagent_response></response>",
                send(ping("Agent/9000", hash("Agent/9000"))));
    }

    @Test
    void pingAcceptsAnyHashForAnAgentWithoutEccpPassword() {
        assertEquals("<response id=\"1\"><pingagent_response><success/></pingagent_response></response>",
                send(ping("SIP/1006", "x")));
    }

    @Test
    void pingRefusesAWrongHash() {
        assertEquals("<response id=\"1\"><pingagent_response><failure><code>401</code>"
                + "<message>Unauthorized agent</message></failure></pingagent_response></response>",
                send(ping("Agent/9000", "00000000000000000000000000000000")));
    }

    @Test
    void pingDoesNotKnowAnAgentAddedSinceTheLastRefresh() {
        String notFound = "<response id=\"1\"><pingagent_response><failure><code>404</code>"
                + "<message>Specified agent not found</message></failure></pingagent_response></response>";
        assertEquals(notFound, send(ping("SIP/1007", hash("SIP/1007"))));

        tracked.replaceAll(databaseAgents);
        assertEquals("<response id=\"1\"><pingagent_response><success/></pingagent_response></response>",
                send(ping("SIP/1007", hash("SIP/1007"))));
    }

    @Test
    void pingWithoutAgentNumberIsATopLevelBadRequest() {
        assertEquals("<response id=\"1\"><failure><code>400</code><message>Bad request</message></failure></response>",
                send("<pingagent><agent_hash>00000000000000000000000000000000</agent_hash></pingagent>"));
    }

    // ---- fixture

    private static String ping(String agent, String agentHash) {
        return "<pingagent><agent_number>" + agent + "</agent_number><agent_hash>" + agentHash
                + "</agent_hash></pingagent>";
    }

    private static String hash(String agent) {
        return Md5.agentHash(COOKIE, agent, "demo");
    }

    /** Parses a request body written as XML text into the element the decoder would hand over. */
    private String send(String body) {
        return dispatcher.dispatch(session, new EccpRequest("1", SimpleXml.parse(body))).packet().toString();
    }

    private static Agent agent(int id, AgentType type, String number, boolean active, String eccpPassword) {
        return new Agent(id, type, number, type.wireName() + " " + number, active, Optional.ofNullable(eccpPassword));
    }

    private Services services() {
        AgentStore agents = new AgentStore() {
            @Override
            public List<Agent> findAll() {
                return databaseAgents;
            }

            @Override
            public Optional<Agent> findByChannel(String type, String number) {
                return databaseAgents.stream().filter(a -> a.channel().equals(type + "/" + number)).findFirst();
            }
        };
        Stores stores = new Stores(unused(ClientStore.class), agents, unused(BreakStore.class),
                unused(CampaignStore.class), unused(CallStore.class), reports, java.util.Map::of,
                unused(org.dialerd.core.store.AuditStore.class),
                unused(org.dialerd.core.store.IncomingCallStore.class),
                unused(org.dialerd.core.store.CampaignStatusStore.class),
                unused(org.dialerd.core.store.OutgoingCallStore.class),
                unused(org.dialerd.core.store.ScheduleStore.class),
                unused(org.dialerd.core.store.RecordingStore.class));
        return Services.builder(stores, tracked, PbxGateway.disconnected(), CLOCK, () -> COOKIE).build();
    }

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(type.getSimpleName() + " not used by this test");
        });
    }

    /** Canned answers; remembers the last query. */
    private static final class FakeReports implements ReportStore {
        List<LogEntry> logEntries = List.of();
        List<AgentActivity> activity = List.of();
        final List<QueueMembership> memberships = new ArrayList<>();
        LogSource logSource;
        LocalDate firstDay;
        LocalDate lastDay;
        Optional<Newest> newest;

        @Override
        public List<LogEntry> campaignLog(LogSource source, LocalDate first, LocalDate last, Optional<Newest> newest) {
            this.logSource = source;
            this.firstDay = first;
            this.lastDay = last;
            this.newest = newest;
            return logEntries;
        }

        @Override
        public List<AgentActivity> agentActivity(LocalDate first, LocalDate last) {
            this.firstDay = first;
            this.lastDay = last;
            return activity;
        }

        @Override
        public List<QueueMembership> queueMemberships(Collection<Integer> agentIds) {
            return memberships.stream().filter(m -> agentIds.contains(m.agentId())).toList();
        }
    }
}
