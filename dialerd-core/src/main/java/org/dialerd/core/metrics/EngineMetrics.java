package org.dialerd.core.metrics;

/**
 * What the engine counts as it works, for an operator's dashboard; dialerd-http implements it
 * with Micrometer. Called on the engine thread, so implementations must be quick, must not
 * block and must not throw. Call types are {@code incoming} and {@code outgoing}.
 */
public interface EngineMetrics {
    /** Counts nothing. */
    EngineMetrics NONE = new EngineMetrics() { };

    /** A call dialerd follows appeared, in {@code phase}. */
    default void callStarted(String callType, CallPhase phase) {
    }

    /** A followed call went from one phase to another. */
    default void callMoved(String callType, CallPhase from, CallPhase to) {
    }

    /**
     * A followed call ended while in {@code last}. {@code finalStatus}: Success, ShortCall,
     * Failure, NoAnswer, Abandoned, or LostTrack (dialerd stopped while it was live).
     */
    default void callFinished(String callType, CallPhase last, String finalStatus) {
    }

    /** The outbound dialer ran one round over the active campaigns. */
    default void dialerRound() {
    }

    /** The predictor decided how many calls to place now for one campaign (0 included). */
    default void dialDecision(int campaignId, int callsToPlace) {
    }

    /** The dialer sent an Originate for a campaign call. */
    default void callPlaced(int campaignId) {
    }

    /** An answered campaign call no agent took in 2 s was sent to the campaign's safe-harbour message. */
    default void safeHarbour(int campaignId) {
    }

    /** A preview campaign's call was offered to an agent (previewcall). */
    default void previewOffered(int campaignId) {
    }

    /**
     * An offer ended: {@code accepted} (the call is dialled), {@code rejected}, {@code expired}
     * (the campaign's preview time passed), or {@code withdrawn} (the agent logged out, took a
     * break or another call, or another host had reserved the call).
     */
    default void previewEnded(int campaignId, String outcome) {
    }

    /** A resync with Asterisk ran to its end; {@code trigger}: {@code connected} or {@code periodic}. */
    default void resyncRun(String trigger) {
    }

    /** A resync set {@code count} (at least 1) things of this kind right. */
    default void resyncCorrected(ResyncCorrection kind, int count) {
    }
}
