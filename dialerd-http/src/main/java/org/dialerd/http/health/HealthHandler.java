package org.dialerd.http.health;

import org.dialerd.http.DaemonProbes;
import org.dialerd.http.HttpHandler;
import org.dialerd.http.Request;
import org.dialerd.http.Response;

/** {@code GET /health}: {@link Health} as JSON, 200 when healthy, else 503. */
public final class HealthHandler implements HttpHandler {
    private final DaemonProbes probes;

    public HealthHandler(DaemonProbes probes) {
        this.probes = probes;
    }

    public Health read() {
        return new Health(probes.ami().current(), probes.database().current(), probes.writes().pending(),
                probes.writes().oldestPendingAge());
    }

    @Override
    public Response handle(Request request) {
        Health health = read();
        return Response.json(health.httpStatus(), health.toJson());
    }
}
