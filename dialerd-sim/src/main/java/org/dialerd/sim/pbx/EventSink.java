package org.dialerd.sim.pbx;

import org.dialerd.sim.ami.AmiMessage;

/** Where the PBX publishes manager events (the AMI server's broadcast, a test recorder). */
public interface EventSink {
    void publish(AmiMessage event);
}
