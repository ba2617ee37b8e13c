package org.dialerd.core.store;

import java.util.List;
import org.dialerd.core.agent.Agent;

/** Which queues a dynamic agent joins at login, with what penalty. */
@FunctionalInterface
public interface MembershipSource {
    record Membership(String queue, int penalty) {}

    List<Membership> queuesOf(Agent agent);
}
