package org.dialerd.sim.pbx;

import java.util.HashMap;
import java.util.Map;

/**
 * Simulated PJSIP phones ({@code PJSIP/1001}): each has a {@link PhoneBehaviour}; its device
 * state (PJSIP/1001) follows its channels: RINGING while ringing, INUSE when up.
 */
public final class Endpoints {

    private final Pbx pbx;
    private final Map<String, PhoneBehaviour> phones = new HashMap<>();

    Endpoints(Pbx pbx) {
        this.pbx = pbx;
    }

    public void define(String endpoint, PhoneBehaviour behaviour) {
        phones.put(endpoint, behaviour);
        pbx.devices().seed("PJSIP/" + endpoint, behaviour.mode() == PhoneBehaviour.Mode.UNAVAILABLE
                ? "UNAVAILABLE" : "NOT_INUSE");
    }

    public boolean exists(String endpoint) {
        return phones.containsKey(endpoint);
    }

    Channel create(String endpoint, String linkedid, String uid) {
        PhoneBehaviour b = phones.get(endpoint);
        if (b == null || b.mode() == PhoneBehaviour.Mode.UNAVAILABLE) {
            return null;
        }
        String name = "PJSIP/" + endpoint + "-" + pbx.channels().nextSuffix();
        Channel ch = pbx.channels().create(name, uid, linkedid, "PJSIP/" + endpoint, ChannelState.DOWN,
                "default", endpoint);
        pbx.events().newchannel(ch);
        return ch;
    }

    /** The phone receives the INVITE. */
    void call(Channel ch) {
        PhoneBehaviour b = phones.get(ch.device.substring("PJSIP/".length()));
        switch (b.mode()) {
            case BUSY:
                ch.addTimer(pbx.scheduler().schedule(0, () -> {
                    if (ch.owner instanceof CallProgress) {
                        ch.hangupCause = HangupCause.USER_BUSY;
                        ((CallProgress) ch.owner).busy(ch, false);
                    }
                }));
                break;
            case ANSWER:
                pbx.ops().setState(ch, ChannelState.RINGING);
                progress(ch, true);
                ch.addTimer(pbx.scheduler().schedule(b.answerAfter(), () -> answer(ch, b)));
                break;
            default:
                pbx.ops().setState(ch, ChannelState.RINGING);
                progress(ch, true);
        }
    }

    private void answer(Channel ch, PhoneBehaviour b) {
        pbx.ops().setState(ch, ChannelState.UP);
        progress(ch, false);
        if (b.hangupAfter() != null) {
            ch.addTimer(pbx.scheduler().schedule(b.hangupAfter(),
                    () -> pbx.ops().requestHangup(ch, HangupCause.NORMAL_CLEARING)));
        }
    }

    private void progress(Channel ch, boolean ringing) {
        if (ch.owner instanceof CallProgress) {
            if (ringing) {
                ((CallProgress) ch.owner).ringing(ch);
            } else {
                ((CallProgress) ch.owner).answered(ch);
            }
        }
    }

    void channelChanged(Channel ch) {
        if (ch.device == null || !ch.device.startsWith("PJSIP/")) {
            return;
        }
        String state = ch.hungUp ? "NOT_INUSE" : ch.state == ChannelState.RINGING ? "RINGING"
                : ch.state == ChannelState.UP ? "INUSE" : "NOT_INUSE";
        pbx.devices().endpointChanged(ch.device, state);
    }
}
