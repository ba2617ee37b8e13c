package org.dialerd.it;

import java.time.Duration;
import java.util.Collection;
import org.dialerd.eccp.xml.XmlElement;

/**
 * Waiting for ECCP events in tests. Events of one moment may arrive in any order among
 * themselves (agentunlinked and pauseend of the same hang-up, say), so a wait takes the first
 * matching event out of everything received and leaves the others for later waits.
 */
public final class EventWaits {
    private EventWaits() {
    }

    /** The body ({@code <agentlinked>…}) of the first received event of that name, removed from {@code events}. */
    public static XmlElement await(Collection<XmlElement> events, String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (XmlElement event : events) {
                if (event.children().get(0).name().equals(name) && events.remove(event)) {
                    return event.children().get(0);
                }
            }
            try {
                Thread.sleep(5); // polling interval, not a wait for the result
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + name, e);
            }
        }
        throw new AssertionError("no <" + name + "> event within " + timeout);
    }
}
