package org.dialerd.sim.pbx;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * app_agent_pool: AgentLogin() parks the agent's channel in an agent_hold holding bridge with
 * music; after a 5 s login probation the Agent:<id> device becomes NOT_INUSE. AgentRequest()
 * (the ;2 of Local/<id>@agent-request, the queue member) pulls the agent out of the holding
 * bridge into the call and puts it back afterwards.
 */
public final class AgentPool {

    static final long LOGIN_PROMPT_MS = 300;
    static final long PROBATION_MS = 5000;
    static final long CALL_BEEP_MS = 300;

    private final Pbx pbx;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    /** app_agent_pool has one holding bridge that every idle agent waits in. */
    private Bridge holding;

    AgentPool(Pbx pbx) {
        this.pbx = pbx;
    }

    public void define(String id, String fullName) {
        agents.put(id, new Agent(id, fullName));
        pbx.devices().seed("Agent:" + id, "UNAVAILABLE");
    }

    public Optional<Agent> find(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    public Collection<Agent> all() {
        return agents.values();
    }

    /** AgentLogin(id[,s]). */
    void agentLoginApp(AppRun run) {
        Agent agent = agents.get(run.arg(0));
        if (agent == null || agent.loggedIn()) {
            run.hangup(HangupCause.NORMAL_CLEARING);
            return;
        }
        Channel ch = run.channel();
        if (ch.state != ChannelState.UP) {
            pbx.locals().answer(ch);
        }
        if (run.arg(1).contains("s")) {
            login(run, agent);
        } else {
            run.after(LOGIN_PROMPT_MS, () -> login(run, agent));
        }
    }

    private void login(AppRun run, Agent agent) {
        Channel ch = run.channel();
        agent.channel = ch;
        agent.loginRun = run;
        agent.loginEpochSeconds = pbx.channels().epochSeconds();
        agent.status = Agent.Status.AGENT_IDLE;
        agent.probation = true;
        pbx.events().agentChannelEvent("AgentLogin", ch, "Agent", agent.id);
        if (holding == null) {
            holding = pbx.bridges().holding("agent_hold")
                    .orElseGet(() -> pbx.bridges().createHolding("agent_hold", "AgentPool"));
        }
        agent.holdBridge = holding;
        toHold(agent);
        run.onInterrupt(() -> logoff(agent));
        run.after(PROBATION_MS, () -> {
            agent.probation = false;
            pbx.devices().set(agent.device(), "NOT_INUSE");
        });
    }

    private void toHold(Agent agent) {
        pbx.bridges().enterHolding(agent.holdBridge, agent.channel);
        pbx.events().mohStart(agent.channel, "default");
    }

    private void logoff(Agent agent) {
        Channel ch = agent.channel;
        if (ch == null) {
            return;
        }
        pbx.events().mohStop(ch);
        if (ch.bridge != null) {
            pbx.bridges().leaveHolding(ch);
        }
        pbx.events().publish(pbx.events().agent("AgentLogoff").addAll(ch.snapshot().fields())
                .add("Agent", agent.id).add("Logintime", pbx.channels().epochSeconds() - agent.loginEpochSeconds)
                .build());
        agent.channel = null;
        agent.status = Agent.Status.AGENT_LOGGEDOFF;
        pbx.devices().set(agent.device(), "UNAVAILABLE");
    }

    /** AMI AgentLogoff: false if no such agent; logging off a logged-off agent "succeeds". */
    public boolean logoffAction(String id, boolean soft) {
        Agent agent = agents.get(id);
        if (agent == null) {
            return false;
        }
        if (agent.channel != null && !soft) {
            pbx.ops().softHangup(agent.channel, HangupCause.NORMAL_CLEARING, 32);
        }
        return true;
    }

    /** AgentRequest(id) on the ;2 of Local/<id>@agent-request. */
    void agentRequestApp(AppRun run) {
        Agent agent = agents.get(run.arg(0));
        Channel two = run.channel();
        if (agent == null || agent.channel == null || agent.status != Agent.Status.AGENT_IDLE || agent.probation) {
            run.hangup(HangupCause.NORMAL_CLEARING);
            return;
        }
        agent.status = Agent.Status.AGENT_ONCALL;
        Bridge call = pbx.bridges().createBasic();
        agent.callBridge = call;
        pbx.bridges().enter(call, two);
        pbx.locals().ringing(two);
        pbx.devices().set(agent.device(), "INUSE");
        Channel agentChannel = agent.channel;
        // The agent sees who calls (the caller id of the requesting ;2) before the beep.
        agentChannel.setConnected(two.callerNum, two.callerName);
        pbx.events().newConnectedLine(agentChannel);
        pbx.events().mohStop(agentChannel);
        run.after(CALL_BEEP_MS, () -> {
            pbx.bridges().leaveHolding(agentChannel);
            pbx.bridges().enter(call, agentChannel);
            agent.talkingTo = two.name;
            agent.callStartedEpochSeconds = pbx.channels().epochSeconds();
            call.listener = (b, left) -> callEnded(agent, b, left);
            connectIdentities(agentChannel, two);
            pbx.locals().answer(two);
            // ;1 reports its new caller id once it is up.
            if (two.localPeer != null && !two.localPeer.hungUp) {
                pbx.events().newCallerid(two.localPeer);
            }
        });
    }

    /**
     * The bridge gives ;2 the agent's older linkedid and the agent as connected line; chan_local
     * passes that to ;1 as its caller id, and app_queue to the queue caller as connected line.
     */
    private void connectIdentities(Channel agentChannel, Channel two) {
        two.linkedid = agentChannel.linkedid;
        two.setConnected(agentChannel.callerNum, agentChannel.callerName);
        pbx.events().newConnectedLine(two);
        Channel one = two.localPeer;
        if (one == null || one.hungUp) {
            return;
        }
        one.setCaller(two.connectedNum, two.connectedName);
        if (one.owner instanceof MemberAttempt) {
            ((MemberAttempt) one.owner).memberIdentified();
        }
    }

    private void callEnded(Agent agent, Bridge b, Channel left) {
        if (left == agent.channel) {
            return;
        }
        b.listener = null;
        Channel ch = agent.channel;
        agent.talkingTo = null;
        if (ch != null && !ch.hungUp) {
            pbx.bridges().leave(ch);
            pbx.bridges().destroy(b);
            ch.setConnected(ch.callerNum, ch.callerName);
            pbx.events().newConnectedLine(ch);
            toHold(agent);
            agent.status = Agent.Status.AGENT_IDLE;
            pbx.devices().set(agent.device(), "NOT_INUSE");
        } else {
            pbx.bridges().destroy(b);
        }
    }
}
