package org.dialerd.eccp.handler.control;

import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.engine.AgentService;
import org.dialerd.core.engine.EngineResult;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.store.AgentStore;
import org.dialerd.core.store.Stores;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.FakeServices;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.xml.XmlElement;

/**
 * Shared fixture: agents Agent/9000 and SIP/1001 (password demo) in the database, a fake
 * engine whose views the test sets, and a PBX that records actions and answers with
 * {@link #reply}.
 */
abstract class CallControlTest {
    static final String COOKIE = "0123456789abcdef0123456789abcdef";
    static final Agent AGENT_9000 = new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.of("demo"));
    static final Agent SIP_1001 = new Agent(2, AgentType.SIP, "1001", "Agent 1001", true, Optional.of("demo"));
    static final CallLink CALL = new CallLink("incoming", 42, Optional.of(1), "042345678",
            "PJSIP/trunk-00000007", "1700000000.7", "8001", "trunk", LocalDateTime.of(2026, 11, 22, 9, 59, 50),
            LocalDateTime.of(2026, 11, 22, 10, 0, 0));

    final Map<String, AgentView> views = new HashMap<>();
    final List<AgentEvent> events = new CopyOnWriteArrayList<>();
    final List<PbxAction> actions = new CopyOnWriteArrayList<>();
    final AgentDirectory tracked = new AgentDirectory();
    PbxReply reply = PbxReply.ok("Success");
    private final Dispatcher dispatcher;
    private final EccpSession session = new EccpSession("test");

    CallControlTest() {
        Services base = FakeServices.create(() -> true);
        AgentStore agentStore = new AgentStore() {
            @Override
            public List<Agent> findAll() {
                return List.of(AGENT_9000, SIP_1001);
            }

            @Override
            public Optional<Agent> findByChannel(String type, String number) {
                return findAll().stream().filter(a -> a.channel().equals(type + "/" + number)).findFirst();
            }
        };
        Stores s = base.stores();
        Stores stores = new Stores(s.clients(), agentStore, s.breaks(), s.campaigns(), s.calls(), s.reports(),
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
                return CompletableFuture.completedFuture(reply);
            }
        };
        tracked.replaceAll(List.of(AGENT_9000, SIP_1001));
        dispatcher = new Dispatcher(Handlers.all(), Services.builder(stores, tracked, pbx, FakeServices.CLOCK,
                () -> COOKIE)
                .engine(engine(pbx)).extensions(base.extensions()).memberships(base.memberships()).build());
        session.loggedIn("agentconsole", COOKIE);
    }

    /**
     * Only view, announce, transferred and attendedTransfer (sent to the PBX as Atxfer) are used
     * by call control; anything else fails the test.
     */
    private AgentService engine(PbxGateway pbx) {
        return (AgentService) Proxy.newProxyInstance(AgentService.class.getClassLoader(),
                new Class<?>[] {AgentService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "view" -> Optional.ofNullable(views.get((String) args[0]));
                    case "transferred" -> java.util.concurrent.CompletableFuture.completedFuture(null);
                    case "attendedTransfer" -> pbx.send(new PbxAction.Atxfer((String) args[1], (String) args[2],
                            (String) args[3])).thenApply(r -> r.success() ? EngineResult.OK
                            : EngineResult.failed(500, "Cannot transfer agent call"));
                    case "announce" -> {
                        events.add((AgentEvent) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    void onCall(Agent agent, String channel) {
        views.put(agent.channel(), view(agent, AgentStatus.ONCALL, channel, Optional.of(CALL)));
    }

    void online(Agent agent, String channel) {
        views.put(agent.channel(), view(agent, AgentStatus.ONLINE, channel, Optional.empty()));
    }

    private static AgentView view(Agent agent, AgentStatus status, String channel, Optional<CallLink> call) {
        return AgentView.builder(agent, status).channel(channel).extension("1001").call(call.orElse(null)).build();
    }

    /** The request as a client sends it, with agent_number and a right agent_hash first. */
    String send(String name, Agent agent, String... childNamesAndValues) {
        XmlElement.Builder request = XmlElement.builder(name)
                .add("agent_number", agent.channel())
                .add("agent_hash", Md5.agentHash(COOKIE, agent.channel(), "demo"));
        for (int i = 0; i < childNamesAndValues.length; i += 2) {
            request.add(childNamesAndValues[i], childNamesAndValues[i + 1]);
        }
        return send(request.build());
    }

    String send(XmlElement request) {
        return dispatcher.dispatch(session, new EccpRequest("1", request)).packet().toString();
    }

    static String success(String name) {
        return "<response id=\"1\"><" + name + "_response><success/></" + name + "_response></response>";
    }

    static String failure(String name, int code, String message) {
        return "<response id=\"1\"><" + name + "_response><failure><code>" + code + "</code><message>" + message
                + "</message></failure></" + name + "_response></response>";
    }

    static final String BAD_REQUEST =
            "<response id=\"1\"><failure><code>400</code><message>Bad request</message></failure></response>";
}
