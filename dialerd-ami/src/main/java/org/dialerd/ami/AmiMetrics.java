package org.dialerd.ami;

/**
 * What the AMI adapter counts, for an operator's dashboard; dialerd-http implements it with
 * Micrometer. {@link #eventReceived} runs on asterisk-java's event pump, which drops events
 * when a listener is slow: implementations must be quick, must not block and must not throw.
 */
public interface AmiMetrics {
    /** Counts nothing. */
    AmiMetrics NONE = new AmiMetrics() { };

    /** How an action sent to Asterisk ended. */
    enum Outcome {
        /** Asterisk answered (success or error). */
        ANSWERED("answered"),
        /** No answer within the action timeout. */
        TIMED_OUT("timeout"),
        /** Not sent, or the connection dropped before the answer. */
        FAILED("failed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Why a response Asterisk sent was dropped. */
    enum Dropped {
        /** For an ActionID no action of dialerd used (or no longer waits for). */
        UNKNOWN("unknown"),
        /** For an action that had already timed out. */
        LATE("late");

        private final String label;

        Dropped(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An AMI event arrived; {@code type} is its name (Newchannel, AgentConnect, …). */
    default void eventReceived(String type) {
    }

    /** An action ended, {@code durationNanos} after it was handed to the adapter. */
    default void actionFinished(String action, Outcome outcome, long durationNanos) {
    }

    /** A response arrived that no action waits for; it was dropped (runs on the event pump). */
    default void responseDropped(Dropped why) {
    }
}
