package org.dialerd.eccp.server;

/**
 * What the ECCP server counts, for an operator's dashboard; dialerd-http implements it with
 * Micrometer. Called on worker and event threads for every request and event: implementations
 * must be quick, must not block and must not throw. Open and logged-in sessions are read from
 * {@link EccpServer#connections()} and {@link SessionRegistry#size()} instead.
 */
public interface EccpMetrics {
    /** Counts nothing. */
    EccpMetrics NONE = new EccpMetrics() { };

    /** Result label of a request answered without a failure element. */
    String SUCCESS = "success";

    /**
     * The request names there are, once at start: their meters can exist (at zero) before the
     * first request, so a dashboard sees every series and no request pays for creating them.
     */
    default void requestsKnown(java.util.Collection<String> requests) {
    }

    /**
     * A request was answered. {@code request}: its wire name, or {@code unknown} for a name
     * ECCP does not have; {@code result}: {@link #SUCCESS} or the failure code ("401", "417"…).
     */
    default void requestAnswered(String request, String result, long durationNanos) {
    }

    /** An event packet ({@code event}: its element name, e.g. agentlinked) was written to this many sessions. */
    default void eventSent(String event, int sessions) {
    }
}
