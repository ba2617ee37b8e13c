package org.dialerd.sim.pbx;

/**
 * What a dialer (Originate, app_queue, Dial()) hears from the channel it is calling, the way
 * Asterisk delivers control frames: ringing, answer, busy, congestion. Hang-ups arrive through
 * {@link ChannelOps.HangupHandler}.
 */
public interface CallProgress extends ChannelOps.HangupHandler {
    void ringing(Channel ch);

    void answered(Channel ch);

    void busy(Channel ch, boolean congestion);
}
