package org.dialerd.core.pbx;

/**
 * The action went out but its answer never came: it timed out, or the connection dropped
 * first. Unlike a refusal, Asterisk may have carried it out (an Originate may be ringing, a
 * QueuePause may have paused the member), so callers follow Asterisk's events instead of
 * assuming nothing happened.
 */
public class PbxNoAnswerException extends PbxException {
    public PbxNoAnswerException(String message) {
        super(message);
    }
}
