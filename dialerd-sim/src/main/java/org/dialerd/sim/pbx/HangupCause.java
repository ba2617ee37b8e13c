package org.dialerd.sim.pbx;

/** Q.850 cause codes the simulator uses, with Asterisk's Cause-txt strings. */
public final class HangupCause {
    public static final int NOT_DEFINED = 0;
    public static final int UNALLOCATED = 1;
    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_USER_RESPONSE = 18;
    public static final int NO_ANSWER = 19;
    public static final int CALL_REJECTED = 21;
    public static final int ANSWERED_ELSEWHERE = 26;
    public static final int CONGESTION = 34;

    private HangupCause() {
    }

    public static String text(int cause) {
        switch (cause) {
            case UNALLOCATED: return "Unallocated (unassigned) number";
            case NORMAL_CLEARING: return "Normal Clearing";
            case USER_BUSY: return "User busy";
            case NO_USER_RESPONSE: return "No user responding";
            case NO_ANSWER: return "User alerting, no answer";
            case CALL_REJECTED: return "Call Rejected";
            case ANSWERED_ELSEWHERE: return "Answered elsewhere";
            case CONGESTION: return "Circuit/channel congestion";
            default: return "Unknown";
        }
    }
}
