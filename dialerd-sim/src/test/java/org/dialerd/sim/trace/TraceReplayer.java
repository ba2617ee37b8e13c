package org.dialerd.sim.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Restart;

/**
 * Replays a recording's actions against the simulator on the recording's timeline: the virtual
 * clock is advanced to every instant at which the recording sent or received something, actions
 * are sent at their recorded instant, and a Ping barrier (its packets removed afterwards) tags
 * everything the simulator produced with the instant it was produced at.
 *
 * <p>Two recorder notes are acted on, because they are things that happened to the PBX or the
 * client rather than AMI traffic (trace 13): {@code running CLI: core stop now|core restart now}
 * restarts the simulator, down until the recording's next {@code TCP connected} (which opens a
 * new connection) and booting until the recorded FullyBooted: both durations are the recorded
 * Asterisk's, and the replayer only samples the simulator at recorded instants.
 */
public final class TraceReplayer {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BARRIER = "__barrier-";
    private static final Pattern CLI_STOP = Pattern.compile("running CLI: core (stop|restart) now");
    private static final String CONNECTED = "TCP connected";

    private final AsteriskSimulator sim;

    public TraceReplayer(AsteriskSimulator sim) {
        this.sim = sim;
    }

    private static void drain(AmiTestClient client, List<Packet> got, long t) throws InterruptedException {
        Packet p;
        while ((p = client.next(WAIT)) != null && !AmiTestClient.isEof(p)) {
            got.add(new Packet(t, p.fields()));
        }
    }

    public List<Packet> replay(Trace trace) throws Exception {
        TreeSet<Long> instants = new TreeSet<>();
        trace.sent().forEach(p -> instants.add(p.timeMillis()));
        trace.received().forEach(p -> instants.add(p.timeMillis()));
        trace.notes().stream().filter(n -> acted(n)).forEach(n -> instants.add(n.timeMillis()));
        List<Packet> got = new ArrayList<>();
        int barrier = 0;
        boolean closed = false;
        boolean firstConnect = true;
        AmiTestClient client = new AmiTestClient(sim.port());
        try {
            for (long t : instants) {
                sim.advanceTo(t);
                client.stamp(t);
                for (Packet note : trace.notes()) {
                    if (note.timeMillis() != t) {
                        continue;
                    }
                    Matcher cli = CLI_STOP.matcher(note.get("Note"));
                    if (cli.find()) {
                        long up = nextConnect(trace, t);
                        Duration down = Duration.ofMillis(up - t);
                        Restart plan = cli.group(1).equals("restart") ? Restart.coreRestartNow(down) : Restart.coreStopNow(down);
                        sim.restart(plan.withBootTime(Duration.ofMillis(fullyBooted(trace, up) - up)));
                    } else if (note.get("Note").startsWith(CONNECTED)) {
                        if (!firstConnect) {
                            if (!closed) {
                                drain(client, got, t);
                            }
                            client.close();
                            client = new AmiTestClient(sim.port(), t);
                            closed = false;
                        }
                        firstConnect = false;
                    }
                }
                for (Packet action : trace.sent()) {
                    if (action.timeMillis() == t) {
                        client.send(action.fields());
                    }
                }
                if (closed) {
                    continue;
                }
                String id = BARRIER + (++barrier);
                try {
                    client.send("Action", "Ping", "ActionID", id);
                } catch (java.io.IOException e) {
                    // The server closed the connection (Logoff): collect what it sent before.
                    drain(client, got, t);
                    closed = true;
                    continue;
                }
                List<Packet> batch = client.until(id, WAIT);
                boolean answered = false;
                for (Packet p : batch) {
                    String aid = p.get("ActionID");
                    if (aid != null && aid.startsWith(BARRIER)) {
                        answered |= aid.equals(id);
                    } else {
                        got.add(new Packet(t, p.fields()));
                    }
                }
                closed = !answered;
            }
        } finally {
            client.close();
        }
        return got;
    }

    private static boolean acted(Packet note) {
        String text = note.get("Note");
        return CLI_STOP.matcher(text).find() || text.startsWith(CONNECTED);
    }

    /** The recorded boot time after a restart: the port opened, FullyBooted came this much later. */
    private static long fullyBooted(Trace trace, long after) {
        return trace.received().stream().filter(p -> p.timeMillis() > after && "FullyBooted".equals(p.get("Event")))
                .mapToLong(Packet::timeMillis).findFirst().orElse(after + Restart.DEFAULT_BOOT_TIME.toMillis());
    }

    private static long nextConnect(Trace trace, long after) {
        return trace.notes().stream().filter(n -> n.timeMillis() > after && n.get("Note").startsWith(CONNECTED))
                .mapToLong(Packet::timeMillis).findFirst()
                .orElseThrow(() -> new IllegalStateException("no reconnect after the stop at " + after + " ms"));
    }
}
