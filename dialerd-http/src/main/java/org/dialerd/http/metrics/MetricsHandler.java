package org.dialerd.http.metrics;

import org.dialerd.http.HttpHandler;
import org.dialerd.http.Request;
import org.dialerd.http.Response;

/** {@code GET /metrics}: every meter in the Prometheus text format (rendered by Micrometer). */
public final class MetricsHandler implements HttpHandler {
    private final DialerdMeters meters;

    public MetricsHandler(DialerdMeters meters) {
        this.meters = meters;
    }

    @Override
    public Response handle(Request request) {
        return Response.text(200, DialerdMeters.CONTENT_TYPE, meters.scrape());
    }
}
