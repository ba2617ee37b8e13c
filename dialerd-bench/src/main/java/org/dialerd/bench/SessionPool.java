package org.dialerd.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpClientGroup;

/**
 * Logged-in ECCP sessions through the Java client library, all on a few shared I/O threads
 * ({@link EccpClientGroup}). A session may be filtered on one agent (filterbyagent), as an
 * agent's console is, or receive callprogress events, as a wallboard does.
 */
final class SessionPool implements AutoCloseable {
    static final String USER = "agentconsole";
    static final String PASSWORD = "agentconsole";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int LOGIN_ATTEMPTS = 10;
    private static final String[] AGENTS = {"Agent/9000", "Agent/9001", "Agent/9002", "Agent/9003", "Agent/9004",
            "SIP/1001", "SIP/1002", "SIP/1003", "SIP/1004", "SIP/1005"};

    enum Kind { PLAIN, FILTERED, CALL_PROGRESS }

    private final EccpClientGroup group;
    private final int port;
    private final List<EccpClient> sessions = new ArrayList<>();

    SessionPool(int ioThreads, int port) {
        this.group = EccpClientGroup.of(ioThreads);
        this.port = port;
    }

    /** Opens {@code count} sessions of {@code kind}, 8 at a time; the i-th filtered one follows agent i mod 10. */
    List<EccpClient> open(int count, Kind kind) {
        ExecutorService openers = Executors.newFixedThreadPool(8);
        try {
            List<Future<EccpClient>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                opening.add(openers.submit(() -> openOne(kind, index)));
            }
            List<EccpClient> opened = new ArrayList<>();
            for (Future<EccpClient> future : opening) {
                opened.add(future.get());
            }
            synchronized (sessions) {
                sessions.addAll(opened);
            }
            return opened;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening sessions", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("opening a " + kind + " session failed: " + e.getCause(), e.getCause());
        } finally {
            openers.shutdownNow();
        }
    }

    private EccpClient openOne(Kind kind, int index) throws InterruptedException {
        EccpClient client = group.connect("127.0.0.1", port, TIMEOUT);
        login(client);
        if (kind == Kind.FILTERED) {
            client.filterByAgent(AGENTS[index % AGENTS.length]).orThrow();
        } else if (kind == Kind.CALL_PROGRESS) {
            client.callProgress(true).orThrow();
        }
        return client;
    }

    /**
     * Login reads the database; on a loaded machine dialerd's circuit breaker may answer 503 for
     * a moment (its connection timeout is 500 ms). Retried, so opening 10,000 sessions does not
     * fail on one slow query; any other failure is not.
     */
    private static void login(EccpClient client) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                client.login(USER, PASSWORD);
                return;
            } catch (org.dialerd.eccp.client.EccpClientException e) {
                if (attempt >= LOGIN_ATTEMPTS || !String.valueOf(e.getMessage()).contains("failure 503")) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    int size() {
        synchronized (sessions) {
            return sessions.size();
        }
    }

    /** Sessions still connected (a server that dropped idle sessions shows here). */
    long open() {
        synchronized (sessions) {
            return sessions.stream().filter(EccpClient::isOpen).count();
        }
    }

    @Override
    public void close() {
        group.close();
    }
}
