package org.dialerd.eccp.handler.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.AgentService;
import org.dialerd.core.engine.EngineWrites;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.spy.SpyControl;
import org.dialerd.core.store.AgentStore;
import org.dialerd.core.store.ClientStore;
import org.dialerd.core.store.Stores;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.FakeServices;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

/** spyagent and spystop through the dispatcher, with the real {@link SpyControl} over a recording PBX. */
class SpyTest {
    private static final Agent SIP_1001 = new Agent(2, AgentType.SIP, "1001", "Agent 1001", true, Optional.of("demo"));
    private static final Agent SIP_1002 = new Agent(3, AgentType.SIP, "1002", "Agent 1002", true, Optional.of("demo"));
    private static final CallLink CALL = new CallLink("incoming", 42, Optional.of(1), "042345678",
            "PJSIP/trunk-00000007", "1700000000.7", "8001", "trunk", LocalDateTime.of(2026, 11, 22, 9, 59, 50),
            LocalDateTime.of(2026, 11, 22, 10, 0, 0), "SIP/1001-0000000c", Optional.empty(), Optional.empty());

    private final Map<String, AgentView> views = new HashMap<>();
    private final List<PbxAction> actions = new CopyOnWriteArrayList<>();
    private final List<JournalRecord> written = new CopyOnWriteArrayList<>();
    private final Dispatcher dispatcher;
    private final EccpSession supervisor = new EccpSession("supervisor");
    private final EccpSession console = new EccpSession("console");

    SpyTest() {
        Services base = FakeServices.create(() -> true);
        AgentStore agents = new AgentStore() {
            @Override
            public List<Agent> findAll() {
                return List.of(SIP_1001, SIP_1002);
            }

            @Override
            public Optional<Agent> findByChannel(String type, String number) {
                return findAll().stream().filter(a -> a.channel().equals(type + "/" + number)).findFirst();
            }
        };
        ClientStore clients = new ClientStore() {
            @Override
            public Optional<String> md5PasswordOf(String username) {
                return Optional.empty();
            }

            @Override
            public boolean isSupervisor(String username) {
                return username.equals("supervisor");
            }
        };
        Stores s = base.stores();
        Stores stores = new Stores(clients, agents, s.breaks(), s.campaigns(), s.calls(), s.reports(),
                s.settings(), s.audit(), s.incomingCalls(), s.campaignStatus(), s.outgoingCalls(), s.schedules(),
                s.recordings());
        PbxGateway pbx = new PbxGateway() {
            @Override
            public boolean isConnected() {
                return true;
            }

            @Override
            public CompletableFuture<PbxReply> send(PbxAction action) {
                actions.add(action);
                return CompletableFuture.completedFuture(PbxReply.ok("Originate successfully queued"));
            }
        };
        AgentDirectory tracked = new AgentDirectory();
        tracked.replaceAll(List.of(SIP_1001, SIP_1002));
        SpyControl spies = new SpyControl(pbx, new Writes(), FakeServices.CLOCK, event -> { }, "dialerd-9",
                SpyControl.DEFAULT_RING_TIMEOUT);
        dispatcher = new Dispatcher(Handlers.all(), Services.builder(stores, tracked, pbx, FakeServices.CLOCK,
                () -> "cookie")
                .engine(engine()).extensions(base.extensions()).memberships(base.memberships()).spies(spies).build());
        supervisor.loggedIn("supervisor", "cookie");
        console.loggedIn("agentconsole", "cookie");
        views.put("SIP/1001", AgentView.builder(SIP_1001, AgentStatus.ONCALL).channel("SIP/1001-0000000a")
                .extension("1001").call(CALL).build());
        views.put("SIP/1002", AgentView.builder(SIP_1002, AgentStatus.ONLINE).channel("SIP/1002-0000000b")
                .extension("1002").build());
    }

    private AgentService engine() {
        return (AgentService) Proxy.newProxyInstance(AgentService.class.getClassLoader(),
                new Class<?>[] {AgentService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "view" -> Optional.ofNullable(views.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private String spy(EccpSession session, String agent, String extension, String mode) {
        XmlElement.Builder request = XmlElement.builder("spyagent");
        if (agent != null) {
            request.add("agent_number", agent);
        }
        if (extension != null) {
            request.add("extension", extension);
        }
        if (mode != null) {
            request.add("mode", mode);
        }
        return dispatcher.dispatch(session, new EccpRequest("1", request.build())).packet().toString();
    }

    private String stop(EccpSession session, String agent) {
        return dispatcher.dispatch(session, new EccpRequest("1", XmlElement.builder("spystop")
                .add("agent_number", agent).build())).packet().toString();
    }

    private static String failure(String name, int code, String message) {
        return "<response id=\"1\"><" + name + "_response><failure><code>" + code + "</code><message>" + message
                + "</message></failure></" + name + "_response></response>";
    }

    @Test
    void aSupervisorListensToAnAgentOnACallThroughChanSpyOnTheAgentsLeg() {
        String answer = spy(supervisor, "SIP/1001", "1010", "listen");

        assertEquals("<response id=\"1\"><spyagent_response><success/><spy_id>dialerd-9-s1</spy_id>"
                + "</spyagent_response></response>", answer);
        PbxAction.Originate originate = (PbxAction.Originate) actions.get(0);
        assertEquals("SIP/1010", originate.channel());
        assertEquals("ChanSpy", originate.application());
        assertEquals("SIP/1001-0000000c,qdES", originate.data());
        assertEquals(new JournalRecord.SpyOpened("dialerd-9-s1", "supervisor", "1010", "SIP/1001", "listen",
                LocalDateTime.of(2026, 11, 22, 10, 0)), written.get(0));
    }

    @Test
    void aClientThatIsNotASupervisorIsRefusedAndNothingIsSent() {
        assertEquals(failure("spyagent", 403, "Client is not a supervisor"), spy(console, "SIP/1001", "1010", "listen"));
        assertEquals(failure("spystop", 403, "Client is not a supervisor"), stop(console, "SIP/1001"));
        assertTrue(actions.isEmpty());
        assertTrue(written.isEmpty());
    }

    @Test
    void badInputsAreRefusedAndNothingIsSent() {
        String badRequest = "<response id=\"1\"><failure><code>400</code><message>Bad request</message></failure>"
                + "</response>";
        assertEquals(badRequest, spy(supervisor, null, "1010", "listen"));
        assertEquals(badRequest, spy(supervisor, "SIP/1001", null, "listen"));
        assertEquals(badRequest, spy(supervisor, "SIP/1001", "1010", null));
        assertEquals(failure("spyagent", 400, "Bad request: invalid mode (listen, whisper or barge)"),
                spy(supervisor, "SIP/1001", "1010", "Listen"));
        assertEquals(failure("spyagent", 417, "Invalid agent number"), spy(supervisor, "1001", "1010", "listen"));
        assertEquals(failure("spyagent", 404, "Specified agent not found"),
                spy(supervisor, "SIP/1999", "1010", "listen"));
        assertEquals(failure("spyagent", 404, "Specified extension not found"),
                spy(supervisor, "SIP/1001", "10x", "listen"));
        assertTrue(actions.isEmpty());
    }

    @Test
    void anAgentNotOnACallOrNotLoggedInCannotBeSpiedOn() {
        assertEquals(failure("spyagent", 417, "Agent not in call"), spy(supervisor, "SIP/1002", "1010", "barge"));
        views.remove("SIP/1002");
        assertEquals(failure("spyagent", 417, "Agent currently not logged in"),
                spy(supervisor, "SIP/1002", "1010", "barge"));
        assertTrue(actions.isEmpty());
    }

    @Test
    void spystopHangsUpTheSupervisorsSpyChannelAndRefusesAnAgentWithoutOne() {
        spy(supervisor, "SIP/1001", "1010", "whisper");

        assertEquals("<response id=\"1\"><spystop_response><success/></spystop_response></response>",
                stop(supervisor, "SIP/1001"));
        assertEquals(new PbxAction.Hangup("dialerd-9-s1", 16), actions.get(1));
        assertEquals(failure("spystop", 417, "No spy session on this agent"), stop(supervisor, "SIP/1002"));
    }

    private final class Writes implements EngineWrites {
        @Override
        public long newId(IdTable table) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(JournalRecord record) {
            written.add(record);
        }

        @Override
        public <T> CompletableFuture<T> readAfterWrites(String description, Supplier<T> read) {
            return CompletableFuture.completedFuture(read.get());
        }
    }
}
