package org.dialerd.it.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.Awaits;

/**
 * An agent console on one dialerd process: logged in as agentconsole with callprogress on,
 * keeping every event it receives (the body element) so the test can wait for one and count
 * what was delivered.
 */
final class Console implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final EccpClient eccp;
    /** Not taken yet. */
    private final List<XmlElement> events = new CopyOnWriteArrayList<>();
    /** Every event received, in order. */
    private final List<XmlElement> all = new CopyOnWriteArrayList<>();
    private volatile Instant lastEvent = Instant.now();

    private Console(EccpClient eccp) {
        this.eccp = eccp;
    }

    static Console on(DialerdProcess dialerd) {
        EccpClient eccp = EccpClient.connect("127.0.0.1", dialerd.eccpPort());
        Console console = new Console(eccp);
        eccp.onEvent(packet -> {
            console.events.add(packet.children().get(0));
            console.all.add(packet.children().get(0));
            console.lastEvent = Instant.now();
        });
        eccp.login("agentconsole", "agentconsole");
        eccp.callProgress(true);
        return console;
    }

    EccpClient eccp() {
        return eccp;
    }

    /** The first event so named that matches and was not taken before; removed from the list. */
    XmlElement take(String name, Predicate<XmlElement> match, String what) {
        XmlElement[] found = new XmlElement[1];
        Awaits.until(name + " " + what, WAIT, () -> {
            for (XmlElement event : events) {
                if (event.name().equals(name) && match.test(event) && events.remove(event)) {
                    found[0] = event;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** As {@link #take(String, String, String)} without waiting. */
    java.util.Optional<XmlElement> poll(String name, String child, String value) {
        for (XmlElement event : events) {
            if (event.name().equals(name) && event.childText(child).orElse("").equals(value) && events.remove(event)) {
                return java.util.Optional.of(event);
            }
        }
        return java.util.Optional.empty();
    }

    XmlElement take(String name, String child, String value) {
        return take(name, e -> e.childText(child).orElse("").equals(value), "with " + child + " " + value);
    }

    /** The outgoing campaign's callprogress events received so far, counted by new_status. */
    Map<String, Integer> outgoingProgress() {
        Map<String, Integer> counts = new TreeMap<>();
        for (XmlElement event : all) {
            if (event.name().equals("callprogress") && event.childText("campaign_type").orElse("").equals("outgoing")) {
                counts.merge(event.childText("new_status").orElseThrow(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** How long ago the last event came. */
    Duration quietFor() {
        return Duration.between(lastEvent, Instant.now());
    }

    String status(String agent) {
        return eccp.getAgentStatus(agent).text("status").orElse("");
    }

    void awaitStatus(String agent, String status) {
        Awaits.until(agent + " " + status, WAIT, () -> status(agent).equals(status));
    }

    static AgentCredentials agent(String number) {
        return new AgentCredentials(number, "demo");
    }

    @Override
    public void close() {
        eccp.close();
    }
}
