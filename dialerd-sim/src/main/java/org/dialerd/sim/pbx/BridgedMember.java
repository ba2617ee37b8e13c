package org.dialerd.sim.pbx;

/**
 * Owner of a member channel app_queue has bridged (no dialplan runs on it): a hang-up request
 * makes it leave the bridge, which ends the queue call, then it is hung up.
 */
final class BridgedMember implements ChannelOps.HangupHandler {

    private final Pbx pbx;

    BridgedMember(Pbx pbx, Channel ch) {
        this.pbx = pbx;
    }

    @Override
    public void hangupRequested(Channel ch, int cause) {
        if (ch.bridge != null) {
            pbx.bridges().leave(ch);
        }
        pbx.ops().hangup(ch, cause);
    }

    @Override
    public void channelHungUp(Channel ch) {
    }
}
