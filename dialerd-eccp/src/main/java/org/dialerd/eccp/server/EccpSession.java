package org.dialerd.eccp.server;

import java.util.Optional;
import org.dialerd.core.agent.AgentNumber;

/**
 * What the server remembers about one ECCP connection. Written only by the session's own
 * request sequence; read by event fan-out from other threads, hence volatile.
 */
public final class EccpSession {
    private final String remoteAddress;
    private final String clientAddress;
    private volatile String username;
    private volatile String appCookie;
    private volatile AgentNumber agentFilter;
    private volatile boolean callProgress;
    /** Told when callprogress is switched, so the event registry can re-file the session. */
    private volatile Runnable callProgressWatcher = () -> { };

    public EccpSession(String remoteAddress) {
        this(remoteAddress, remoteAddress);
    }

    /**
     * @param remoteAddress how log lines name the connection ({@code /10.0.0.5:41234})
     * @param clientAddress the client's IP address alone ({@code 10.0.0.5}): what login throttling counts
     */
    public EccpSession(String remoteAddress, String clientAddress) {
        this.remoteAddress = remoteAddress;
        this.clientAddress = clientAddress;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public boolean isLoggedIn() {
        return username != null;
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The cookie of the latest successful login; agent hashes are computed from it. */
    public Optional<String> appCookie() {
        return Optional.ofNullable(appCookie);
    }

    public void loggedIn(String user, String cookie) {
        this.appCookie = cookie;
        this.username = user;
    }

    /** Empty means "any": the session receives events of every agent. */
    public Optional<AgentNumber> agentFilter() {
        return Optional.ofNullable(agentFilter);
    }

    public void filterByAgent(AgentNumber agent) {
        this.agentFilter = agent;
    }

    public void clearAgentFilter() {
        this.agentFilter = null;
    }

    public boolean wantsCallProgress() {
        return callProgress;
    }

    public void callProgress(boolean enabled) {
        this.callProgress = enabled;
        callProgressWatcher.run();
    }

    /** {@code watcher} runs after every {@link #callProgress} switch (one watcher: the latest). */
    void watchCallProgress(Runnable watcher) {
        this.callProgressWatcher = watcher;
    }
}
