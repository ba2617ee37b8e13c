package org.dialerd.http;

import java.util.Objects;
import java.util.function.IntSupplier;
import org.dialerd.core.engine.AgentService;
import org.dialerd.core.journal.WriteBacklog;
import org.dialerd.http.health.CachedCheck;
import org.dialerd.http.health.PbxConnectionWatch;

/**
 * Where /health and the state gauges of /metrics read the daemon's state. Everything here is
 * cheap and non-blocking except the database check, which {@link CachedCheck} runs at most
 * once a second.
 *
 * @param eccpConnections open ECCP connections
 * @param eccpLoggedIn    ECCP sessions that logged in (and receive events)
 */
public record DaemonProbes(PbxConnectionWatch ami, CachedCheck database, WriteBacklog writes, AgentService agents,
                           IntSupplier eccpConnections, IntSupplier eccpLoggedIn) {
    public DaemonProbes {
        Objects.requireNonNull(ami, "ami");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(writes, "writes");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(eccpConnections, "eccpConnections");
        Objects.requireNonNull(eccpLoggedIn, "eccpLoggedIn");
    }
}
