package org.dialerd.sim.pbx;

/** One app_agent_pool agent (agents.conf section) and its login state. */
public final class Agent {

    public enum Status { AGENT_LOGGEDOFF, AGENT_IDLE, AGENT_ONCALL }

    final String id;
    final String fullName;
    Channel channel;
    long loginEpochSeconds;
    boolean probation;
    Status status = Status.AGENT_LOGGEDOFF;
    Bridge holdBridge;
    Bridge callBridge;
    AppRun loginRun;
    /** The AgentRequest ;2 the agent is bridged with, and since when (Agents' TalkingToChan/CallStarted). */
    String talkingTo;
    long callStartedEpochSeconds;

    Agent(String id, String fullName) {
        this.id = id;
        this.fullName = fullName;
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public boolean loggedIn() {
        return channel != null;
    }

    String device() {
        return "Agent:" + id;
    }
}
