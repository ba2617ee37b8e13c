package org.dialerd.sim.pbx;

/**
 * chan_local: a dial to {@code Local/exten@context} creates two channels, ";1" (the one the
 * dialer holds) and ";2" (which runs the dialplan). Indications on ";2" (Ringing(), Answer(),
 * Busy()) reach ";1" and through it the dialer.
 */
public final class LocalChannels {

    private final Pbx pbx;

    LocalChannels(Pbx pbx) {
        this.pbx = pbx;
    }

    /** Creates the pair and publishes both Newchannel events; returns ";1". */
    public Channel create(String exten, String context, String linkedid, String uid1, String uid2) {
        String base = "Local/" + exten + "@" + context;
        String name = base + "-" + pbx.channels().nextSuffix();
        Channel one = pbx.channels().create(name + ";1", uid1, linkedid, base, ChannelState.DOWN, context, exten);
        Channel two = pbx.channels().create(name + ";2", uid2, one.linkedid, base, ChannelState.RING, context, exten);
        one.localPeer = two;
        two.localPeer = one;
        pbx.events().newchannel(one);
        pbx.events().newchannel(two);
        return one;
    }

    public boolean destinationExists(Channel one) {
        return pbx.dialplan().find(one.context, one.exten).isPresent();
    }

    /** The dial string failed to resolve: both halves go, devices report INVALID. */
    public void failInvalid(Channel one) {
        Channel two = one.localPeer;
        two.variables.put("__INVALID_DEVICE", "1");
        one.variables.put("__INVALID_DEVICE", "1");
        two.localPeer = null;
        one.localPeer = null;
        pbx.ops().hangup(two);
        pbx.ops().hangup(one);
    }

    /** Starts the ";2" dialplan (the "call" of the Local channel). */
    public void call(Channel one) {
        Channel two = one.localPeer;
        pbx.events().localBridge(one, two);
        pbx.runner().start(two, two.context, two.exten, 1);
    }

    /** ";1" got a new connected line in a bridge: chan_local passes it to ";2" as its caller id. */
    public void connectedLineChanged(Channel one) {
        Channel two = one.localPeer;
        if (one.isLocalOne() && two != null && !two.hungUp) {
            two.deferredCaller = new String[] {one.connectedNum, one.connectedName};
        }
    }

    /** Applies a deferred connected-line frame: NewCallerid, unless it changes nothing. */
    void applyDeferredCaller(Channel two) {
        String[] c = two.deferredCaller;
        two.deferredCaller = null;
        if (c == null || c[0].equals(two.callerNum) && c[1].equals(two.callerName)) {
            return;
        }
        two.setCaller(c[0], c[1]);
        if (!two.hungUp) {
            pbx.events().newCallerid(two);
        }
    }

    // --- indications from ";2" ---

    public void ringing(Channel two) {
        Channel one = two.localPeer;
        if (one == null || one.hungUp || one.state == ChannelState.UP) {
            return;
        }
        pbx.ops().setState(one, ChannelState.RINGING);
        if (one.connectedLinePending) {
            one.connectedLinePending = false;
            pbx.events().newConnectedLine(one);
        }
        if (one.owner instanceof CallProgress) {
            ((CallProgress) one.owner).ringing(one);
        }
    }

    /** Answer() on any channel; on ";2" it also answers ";1" and tells the dialer. */
    public void answer(Channel ch) {
        pbx.ops().setState(ch, ChannelState.UP);
        Channel one = ch.localPeer;
        if (one == null || !ch.name.endsWith(";2") || one.hungUp || one.state == ChannelState.UP) {
            return;
        }
        pbx.ops().setState(one, ChannelState.UP);
        if (one.owner instanceof CallProgress) {
            ((CallProgress) one.owner).answered(one);
        }
    }

    public void busy(Channel two, boolean congestion) {
        pbx.ops().setState(two, ChannelState.BUSY);
        Channel one = two.localPeer;
        if (one != null && !one.hungUp && one.owner instanceof CallProgress) {
            ((CallProgress) one.owner).busy(one, congestion);
        }
    }
}
