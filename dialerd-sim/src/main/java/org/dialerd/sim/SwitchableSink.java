package org.dialerd.sim;

import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.pbx.EventSink;

/**
 * The sink of one PBX generation. After a restart the old PBX's timers may still fire on the
 * shared virtual clock (a phone's Wait ending); retiring its sink keeps those ghosts silent
 * without touching the scheduler, whose other tasks (load generators) must survive the restart.
 */
final class SwitchableSink implements EventSink {

    private final EventSink target;
    private boolean retired;

    SwitchableSink(EventSink target) {
        this.target = target;
    }

    void retire() {
        retired = true;
    }

    @Override
    public void publish(AmiMessage event) {
        if (!retired) {
            target.publish(event);
        }
    }
}
