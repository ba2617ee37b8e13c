package org.dialerd.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dialerd.eccp.client.EccpClient;

/**
 * The load tool: starts the simulator (in this JVM) and dialerd (in a JVM of its own, against
 * the simulator and the embedded MariaDB), opens the sessions, drives the request mix and the
 * call activity, and reports throughput, latency percentiles, event delivery latency, dialerd's
 * CPU, GC pauses and heap after GC, the warm-up apart from the steady state. The last line
 * ({@code RESULT key=value ...}) is what run-benchmarks.sh reads. See docs/benchmarks.md.
 */
public final class Load {
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final int DRAIN_SECONDS = 15;

    private Load() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load: " + e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    static int run(LoadOptions o) throws Exception {
        int maxConnections = Math.max(4_096, o.totalSessions() + 100);
        if (o.originateAgents() > 0) {
            return OriginateLoad.run(o, maxConnections);
        }
        try (CallActivity calls = CallActivity.start();
             DialerdProcess dialerd = DialerdProcess.start(o.dialerdJar(), o.workDir(), calls.amiPort(), maxConnections,
                     o.jvmOptions(), o.warmupRequests());
             JvmProbe probe = JvmProbe.connect(dialerd.jmxPort());
             SessionPool pool = new SessionPool(o.ioThreads(), dialerd.eccpPort())) {
            double startSeconds = (System.nanoTime() - dialerd.startedNanos()) / 1e9;
            say("dialerd listening %.1f s after launch (JVM %s)", startSeconds, String.join(" ", o.jvmOptions()));

            long openStart = System.nanoTime();
            LeanDriver lean = o.lean() ? new LeanDriver(dialerd.eccpPort(), o.sessions(), o.mix()) : null;
            List<java.net.Socket> leanSockets = lean != null ? lean.open() : List.of();
            List<EccpClient> active = lean != null ? List.of() : pool.open(o.sessions(), SessionPool.Kind.PLAIN);
            pool.open(o.idle(), SessionPool.Kind.PLAIN);
            pool.open(o.filtered(), SessionPool.Kind.FILTERED);
            List<EccpClient> monitors = o.callsPerSecond() > 0
                    ? pool.open(o.monitors(), SessionPool.Kind.CALL_PROGRESS) : List.of();
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            say("%d sessions logged in in %.1f s (%d active, %d idle, %d filtered by agent, %d callprogress)",
                    pool.size() + leanSockets.size(), openSeconds, o.sessions(), o.idle(), o.filtered(), monitors.size());
            double heapWithSessions = o.totalSessions() > 100 ? probe.heapAfterGcMiB() : Double.NaN;
            if (!Double.isNaN(heapWithSessions)) {
                say("heap after GC with the sessions open: %.0f MiB (max %.0f MiB)", heapWithSessions,
                        probe.heapMaxMiB());
            }
            ProcessCost dialerdCost = new ProcessCost(dialerd.pid(), probe.server());
            return measure(o, calls, probe, pool, active, monitors, heapWithSessions, startSeconds, dialerdCost, lean,
                    leanSockets);
        }
    }

    private static int measure(LoadOptions o, CallActivity calls, JvmProbe probe, SessionPool pool,
                               List<EccpClient> active, List<EccpClient> monitors, double heapWithSessions,
                               double startSeconds, ProcessCost dialerdCost, LeanDriver lean,
                               List<java.net.Socket> leanSockets) throws Exception {
        ProcessCost toolCost = ProcessCost.self();
        long start = System.nanoTime();
        long warmupNanos = TimeUnit.SECONDS.toNanos(o.warmupSeconds());
        long end = start + warmupNanos + TimeUnit.SECONDS.toNanos(o.seconds());
        PhaseRecorder requests = new PhaseRecorder(start, warmupNanos, end);
        PhaseRecorder events = new PhaseRecorder(start, warmupNanos, end);
        PhaseRecorder lateness = new PhaseRecorder(start, warmupNanos, end);
        PhaseRecorder fromSend = new PhaseRecorder(start, warmupNanos, end);
        calls.measureOn(monitors, events);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            requests.tick(now);
            events.tick(now);
            lateness.tick(now);
            fromSend.tick(now);
        }, 1, 1, TimeUnit.SECONDS);
        ticker.schedule(() -> {
            probe.mark();
            dialerdCost.mark();
            toolCost.mark();
            calls.markSteady();
        }, o.warmupSeconds(), TimeUnit.SECONDS);
        Thread callThread = null;
        if (o.callsPerSecond() > 0) {
            callThread = new Thread(() -> calls.run(o.callsPerSecond(), PATIENCE, start, end), "bench-calls");
            callThread.start();
        }
        Driver driver = null;
        String priority = "";
        if (o.realtimeTool()) {
            // The sender is this thread (the lean readers promote themselves). The library's client I/O
            // threads stay at normal priority: they cost as much per answer as dialerd, and with a backlog
            // they never block, so at real-time priority they took both cores from dialerd (seen at load 15).
            boolean sender = RealTimeThreads.promoteCurrentThread();
            priority = !sender ? ", SCHED_FIFO NOT possible (chrt, root): the tool's threads at normal priority"
                    : lean != null ? ", the tool's sender and answer readers SCHED_FIFO"
                    : ", the tool's sender SCHED_FIFO (the client library's I/O threads at normal priority)";
        }
        if (lean != null && o.rate() > 0) {
            LeanOpenLoop open = new LeanOpenLoop(lean, leanSockets);
            open.run(new RateSchedule(start, o.rate()), end, requests, lateness, fromSend, o.realtimeTool());
            driver = open;
        } else if (lean != null) {
            lean.run(leanSockets, requests, end);
            driver = lean;
        } else if (!active.isEmpty()) {
            RequestDriver library = new RequestDriver(active, o.mix(), requests, lateness, fromSend);
            if (o.rate() > 0) {
                library.openLoop(new RateSchedule(start, o.rate()), end);
            } else {
                library.flatOut(o.pipeline(), end);
            }
            driver = library;
        }
        long wait = end - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        dialerdCost.end();
        toolCost.end();
        calls.endSteady();
        double cores = probe.coresSinceMark();
        double toolCores = probe.toolCoresSinceMark();
        String gc = probe.gcLine();
        String gcFields = probe.gcFields();
        if (callThread != null) {
            callThread.join();
        }
        boolean drained = driver == null || driver.drain(DRAIN_SECONDS);
        boolean eventsDrained = o.callsPerSecond() == 0 || calls.drain(monitors.size(), DRAIN_SECONDS);
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        requests.tick(System.nanoTime());
        events.tick(System.nanoTime());
        lateness.tick(System.nanoTime());
        fromSend.tick(System.nanoTime());
        double heapAfter = probe.heapAfterGcMiB();
        long stillOpen = pool.open();

        StringBuilder result = new StringBuilder("RESULT label=" + o.label());
        result.append(String.format(Locale.ROOT, " start_s=%.1f sessions=%d open_after=%d", startSeconds,
                pool.size() + leanSockets.size(),
                stillOpen + leanSockets.stream().filter(s -> !s.isClosed()).count()));
        say("--- %s: mix %s, %s, %d active session(s)%s", o.label(), o.mixSpec(),
                o.rate() > 0 ? String.format(Locale.ROOT, "open loop at %.0f req/s%s", o.rate(),
                        o.lean() ? ", lean client" : "")
                        : "flat out, pipeline " + o.pipeline() + (o.lean() ? ", lean client" : ""),
                o.sessions(), priority);
        if (driver != null) {
            say("requests  %s", requests.warmup().line());
            say("requests  %s", requests.steady().line());
            say("per second (req/s, p99 ms): %s", requests.perSecond().stream()
                    .map(r -> String.format(Locale.ROOT, "%s %.0f/%.2f", r.phase(), r.perSecond(), r.p99Ms()))
                    .collect(Collectors.joining("  ")));
            say("sent %d, answered %d, transport errors %d, failure answers %d%s", driver.sent(), driver.answered(),
                    driver.errors(), driver.failureAnswers(), drained ? "" : " (NOT all answered)");
            driver.failureLines().forEach(line -> say("  failure %s", line));
            if (o.rate() > 0) {
                LatencyReport late = lateness.steady();
                LatencyReport sent = fromSend.steady();
                say("open loop, steady state: the tool's sender late against the due time p50 %.3f p99 %.3f p99.9 %.3f"
                        + " max %.3f ms; latency from the send p50 %.3f p99 %.3f p99.9 %.3f ms", late.p50Ms(),
                        late.p99Ms(), late.p999Ms(), late.maxMs(), sent.p50Ms(), sent.p99Ms(), sent.p999Ms());
                result.append(String.format(Locale.ROOT, " late_p99=%.3f late_p999=%.3f sent_p50=%.3f sent_p99=%.3f"
                        + " sent_p999=%.3f", late.p99Ms(), late.p999Ms(), sent.p50Ms(), sent.p99Ms(), sent.p999Ms()));
            }
            result.append(' ').append(requests.warmup().fields()).append(' ').append(requests.steady().fields());
            long answers = requests.steady().inWindow();
            ProcessCost.Window server = dialerdCost.perRequest(answers);
            ProcessCost.Window client = toolCost.perRequest(answers);
            say("per request (steady state, from /proc and JMX: not load-dependent): dialerd %s; load tool %s",
                    server.line(), client.line());
            result.append(' ').append(server.fields("dialerd")).append(' ').append(client.fields("tool"));
            result.append(" failures=").append(driver.failureAnswers() + driver.errors())
                    .append(" unanswered=").append(driver.sent() - driver.answered() - driver.errors());
        }
        if (o.callsPerSecond() > 0) {
            say("calls placed %d, QueueCallerJoin %d, callprogress OnQueue received %d on %d sessions, unmatched %d%s",
                    calls.placed(), calls.joins(), calls.delivered(), monitors.size(), calls.unmatched(),
                    eventsDrained ? "" : " (NOT all arrived within " + DRAIN_SECONDS + " s of the end)");
            say("events    %s", events.warmup().line());
            say("events    %s", events.steady().line());
            result.append(" ").append(events.warmup().fields().replace("warmup_", "ev_warmup_"))
                    .append(" ").append(events.steady().fields().replace("steady_", "ev_steady_"))
                    .append(" calls=").append(calls.placed()).append(" joins=").append(calls.joins())
                    .append(" ev_delivered=").append(calls.delivered())
                    .append(" ev_expected=").append(calls.joins() * monitors.size());
            // Per call (its AMI events and its callprogress to every monitor): costs the load does not change.
            long steadyCalls = calls.steadyJoins();
            ProcessCost.Window server = dialerdCost.perRequest(steadyCalls);
            ProcessCost.Window client = toolCost.perRequest(steadyCalls);
            say("per call (steady state, %d callers joined, %.1f AMI events each, %d callprogress OnQueue): dialerd %s;"
                    + " load tool with the simulator %s", steadyCalls, calls.amiEventsPerCall(), monitors.size(),
                    server.line(), client.line());
            result.append(' ').append(server.fields("ev_dialerd")).append(' ').append(client.fields("ev_tool"));
        }
        say("dialerd (steady state): CPU %.2f cores, %s; heap after GC at the end %.0f MiB; sessions still open %d/%d;"
                + " load tool CPU %.2f cores", cores, gc, heapAfter, stillOpen, pool.size(), toolCores);
        result.append(String.format(Locale.ROOT, " cpu_cores=%.2f tool_cpu_cores=%.2f %s heap_mib=%.0f", cores,
                toolCores, gcFields, heapAfter));
        if (!Double.isNaN(heapWithSessions)) {
            result.append(String.format(Locale.ROOT, " heap_sessions_mib=%.0f", heapWithSessions));
        }
        System.out.println(result);
        return 0;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
