package org.dialerd.sim.pbx;

import java.util.List;

/**
 * The life-cycle rules every channel shares: state changes, hang-up requests and the final
 * hang-up, including chan_local's propagation between the two halves of a Local pair (a half
 * that goes away queues a hang-up, with its cause, on the other half).
 */
public final class ChannelOps {

    private final Pbx pbx;

    ChannelOps(Pbx pbx) {
        this.pbx = pbx;
    }

    /** Changes the state, publishes Newstate and the device state it implies. */
    public void setState(Channel ch, ChannelState state) {
        if (ch.hungUp || ch.state == state) {
            return;
        }
        ch.state = state;
        pbx.events().newstate(ch);
        deviceChanged(ch);
    }

    /**
     * A hang-up queued on the channel from outside (the other Local half, a bridge peer, the
     * dialer): publishes HangupRequest and lets the channel's owner wind down.
     */
    public void requestHangup(Channel ch, int cause) {
        if (ch.hungUp) {
            return;
        }
        pbx.events().hangupRequest(ch, cause);
        if (ch.hangupCause == 0) {
            ch.hangupCause = cause;
        }
        notifyWatchers(ch);
        dispatch(ch, cause);
    }

    /**
     * An explicit soft hang-up (AMI Hangup, AgentLogoff): SoftHangupRequest first, but only for
     * channels running dialplan; a channel still being dialed just goes (as recorded).
     */
    public void softHangup(Channel ch, int cause, int softCause) {
        if (ch.hungUp) {
            return;
        }
        if (ch.owner instanceof DialplanRunner) {
            publishSoftHangup(ch, softCause);
        }
        if (ch.hangupCause == 0) {
            ch.hangupCause = cause;
        }
        notifyWatchers(ch);
        dispatch(ch, cause);
    }

    /** Runs {@code r} once when {@code ch} is asked to hang up or goes. */
    public void onHangup(Channel ch, Runnable r) {
        ch.hangupWatchers.add(r);
    }

    private void notifyWatchers(Channel ch) {
        List<Runnable> watchers = List.copyOf(ch.hangupWatchers);
        ch.hangupWatchers.clear();
        watchers.forEach(Runnable::run);
    }

    /** At most one SoftHangupRequest per channel, as in the recordings. */
    public void publishSoftHangup(Channel ch, int cause) {
        if (!ch.softHangupPublished) {
            ch.softHangupPublished = true;
            pbx.events().softHangupRequest(ch, cause);
        }
    }

    private void dispatch(Channel ch, int cause) {
        Channel.Owner owner = ch.owner;
        if (owner instanceof HangupHandler) {
            ((HangupHandler) owner).hangupRequested(ch, cause);
        } else {
            hangup(ch);
        }
    }

    /** Destroys the channel: leaves its bridge, publishes Hangup, tells the Local peer. */
    public void hangup(Channel ch) {
        if (ch.hungUp) {
            return;
        }
        if (ch.bridge != null) {
            pbx.bridges().leave(ch);
        }
        notifyWatchers(ch);
        ch.hungUp = true;
        ch.cancelTimers();
        pbx.events().hangup(ch);
        pbx.channels().remove(ch);
        deviceChanged(ch);
        Channel.Owner owner = ch.owner;
        ch.owner = null;
        if (owner != null) {
            owner.channelHungUp(ch);
        }
        Channel peer = ch.localPeer;
        if (peer != null && !peer.hungUp) {
            requestHangup(peer, ch.hangupCause);
        }
    }

    public void hangup(Channel ch, int cause) {
        if (ch.hangupCause == 0) {
            ch.hangupCause = cause;
        }
        hangup(ch);
    }

    void deviceChanged(Channel ch) {
        if (ch.variables.containsKey("__INVALID_DEVICE")) {
            pbx.events().deviceStateChange(ch.device, "INVALID");
        } else if (ch.isLocal()) {
            pbx.devices().localChanged(ch.device);
        } else if (ch.device != null) {
            pbx.endpoints().channelChanged(ch);
        }
    }

    /** Owners that want to handle hang-up requests themselves (dialplan, dialers, bridges). */
    public interface HangupHandler extends Channel.Owner {
        void hangupRequested(Channel ch, int cause);
    }
}
