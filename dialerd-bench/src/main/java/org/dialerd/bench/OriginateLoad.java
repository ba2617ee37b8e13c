package org.dialerd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.dialerd.eccp.client.AgentCredentials;
import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;

/**
 * The originate scenario: dialerd's own dialer places the calls. Seeds, over JDBC, dynamic agents
 * (members of queue 8000) and a progressive campaign of many numbers, most of them busy at once
 * and some answering for 2 s of talk; logs the agents in over ECCP, one console each; starts the
 * campaign and counts, on the simulator's side, the Originates of campaign calls per second.
 * After the run the campaign is stopped, the calls in flight end, and the database is checked:
 * every originate has exactly one calls outcome and its call_progress_log rows, none lost,
 * none duplicated ({@link CallCenterDb#accounting}).
 */
final class OriginateLoad {
    private static final long FIRST_CALL_TIMEOUT_SECONDS = 30;
    private static final long DRAIN_TIMEOUT_SECONDS = 60;

    private OriginateLoad() {
    }

    /**
     * dialerd runs on a database of its own ({@code <work-dir>/originate}, emptied first), started
     * twice: the first start creates it with the demo data and the scenario's rows are added,
     * the second start loads the agents (dialerd reads them once at start) and dials.
     */
    static int run(LoadOptions o, int maxConnections) throws Exception {
        Path workDir = o.workDir().resolve("originate");
        deleteTree(workDir);
        String config = "[dialer]\ndial_template = Local/{phone}@" + CallActivity.CUSTOMERS + "\n";
        List<String> agents;
        long campaign;
        try (CallActivity calls = CallActivity.start()) {
            try (DialerdProcess seeding = DialerdProcess.start(o.dialerdJar(), workDir, calls.amiPort(), maxConnections,
                    o.jvmOptions(), 0, config);
                 CallCenterDb db = CallCenterDb.connect(seeding.databasePort())) {
                db.roundInterval(o.roundSeconds());
                agents = db.seedAgents(o.originateAgents());
                campaign = db.seedCampaign(o.numbers(), o.answerPercent());
            }
            try (DialerdProcess dialerd = DialerdProcess.start(o.dialerdJar(), workDir, calls.amiPort(), maxConnections,
                    o.jvmOptions(), o.warmupRequests(), config);
                 JvmProbe probe = JvmProbe.connect(dialerd.jmxPort());
                 SessionPool pool = new SessionPool(o.ioThreads(), dialerd.eccpPort());
                 CallCenterDb db = CallCenterDb.connect(dialerd.databasePort())) {
                StringBuilder result = new StringBuilder("RESULT label=" + o.label());
                measure(o, calls, dialerd, probe, pool, db, agents, campaign, result);
                System.out.println(result);
                return 0;
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void measure(LoadOptions o, CallActivity calls, DialerdProcess dialerd, JvmProbe probe,
                                SessionPool pool, CallCenterDb db, List<String> agents, long campaign,
                                StringBuilder result) throws Exception {
        {
            List<EccpClient> consoles = pool.open(agents.size(), SessionPool.Kind.PLAIN);
            int refused = 0;
            for (int i = 0; i < agents.size(); i++) {
                String number = agents.get(i);
                EccpResponse answer = consoles.get(i).loginAgent(new AgentCredentials("SIP/" + number, "demo"), number);
                if (!"logged-in".equals(answer.text("status").orElse(""))) {
                    refused++;
                    if (refused <= 3) {
                        say("loginagent SIP/%s refused: %s", number, answer.body());
                    }
                }
            }
            int members = calls.members(CallCenterDb.QUEUE);
            say("%d agents logged in (%d refused), %d members of queue %s; campaign %d: %d numbers, %d %% answer,"
                    + " dialer.entretiempo %d s", agents.size() - refused, refused, members, CallCenterDb.QUEUE,
                    campaign, o.numbers(), o.answerPercent(), o.roundSeconds());
            db.campaignStatus(campaign, "A");
            long started = System.nanoTime();
            while (calls.originates().isEmpty()) {
                if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(FIRST_CALL_TIMEOUT_SECONDS)) {
                    throw new IllegalStateException("no originate within " + FIRST_CALL_TIMEOUT_SECONDS + " s");
                }
                LockSupport.parkNanos(10_000_000L);
            }
            long first = calls.originates().get(0);
            long steadyFrom = first + TimeUnit.SECONDS.toNanos(o.warmupSeconds());
            long steadyTo = steadyFrom + TimeUnit.SECONDS.toNanos(o.seconds());
            parkUntil(steadyFrom);
            probe.mark();
            java.time.Duration databaseCpuBefore = dialerd.databaseCpu();
            parkUntil(steadyTo);
            double cores = probe.coresSinceMark();
            double databaseCpuMs = dialerd.databaseCpu().minus(databaseCpuBefore).toNanos() / 1e6;
            double toolCores = probe.toolCoresSinceMark();
            String gcFields = probe.gcFields();
            db.campaignStatus(campaign, "I");
            List<Long> stamps = calls.originates();
            long steady = stamps.stream().filter(t -> t >= steadyFrom && t < steadyTo).count();
            double rate = steady / (double) o.seconds();
            long slowest = Long.MAX_VALUE;
            StringBuilder perSecond = new StringBuilder();
            for (int s = 0; s < o.seconds(); s++) {
                long from = steadyFrom + TimeUnit.SECONDS.toNanos(s);
                long to = from + TimeUnit.SECONDS.toNanos(1);
                long n = stamps.stream().filter(t -> t >= from && t < to).count();
                slowest = Math.min(slowest, n);
                perSecond.append(' ').append(n);
            }
            say("originates per second (steady state):%s", perSecond);
            Bursts bursts = Bursts.of(stamps.stream().filter(t -> t >= steadyFrom && t < steadyTo).sorted().toList());
            say("dialer rounds seen by the simulator (bursts of originates %d ms apart or more): %.2f a second,"
                    + " %.1f calls each on average, the largest %d", Bursts.GAP_MS, bursts.count() / (double) o.seconds(),
                    bursts.mean(), bursts.largest());

            CallCenterDb.Accounting accounting = drain(db, campaign, calls);
            long originated = calls.originates().size();
            long lost = Math.max(0, originated - accounting.attempted());
            long extra = Math.max(0, accounting.attempted() - originated);
            say("originates seen by the simulator %d; calls rows attempted %d (statuses %s); dialled twice %d;"
                    + " without a final status %d; without exactly one Placing row %d, one final row %d;"
                    + " duplicated progress rows %d; rows of calls never attempted %d; progress rows %d",
                    originated, accounting.attempted(), accounting.statuses(), accounting.dialledTwice(),
                    accounting.open(), accounting.badPlacing(), accounting.badEnd(), accounting.duplicateRows(),
                    accounting.strayRows(), accounting.progressRows());
            // CPU per originate does not depend on the machine's load as the rate does (MariaDB's own CPU,
            // a process of its own, is not in it).
            double cpuMsPerOriginate = steady == 0 ? Double.NaN : cores * o.seconds() * 1000 / steady;
            double dbMsPerOriginate = steady == 0 ? Double.NaN : databaseCpuMs / steady;
            double toolMsPerOriginate = steady == 0 ? Double.NaN : toolCores * o.seconds() * 1000 / steady;
            say("steady state: %.1f originates/s (slowest second %d); CPU per originate: dialerd %.2f ms (%.2f cores),"
                    + " its MariaDB %.2f ms, the load tool with the simulator %.2f ms (%.2f cores)", rate, slowest,
                    cpuMsPerOriginate, cores, dbMsPerOriginate, toolMsPerOriginate, toolCores);
            boolean clean = accounting.clean() && lost == 0 && extra == 0;
            result.append(String.format(Locale.ROOT, " agents=%d refused=%d originate_rate=%.1f originate_min_s=%d"
                            + " originates=%d attempted=%d lost=%d extra=%d twice=%d open=%d bad_placing=%d bad_end=%d"
                            + " dup_rows=%d stray_rows=%d accounting=%s cpu_cores=%.2f cpu_ms_per_originate=%.2f"
                            + " db_cpu_ms_per_originate=%.2f tool_cpu_ms_per_originate=%.2f tool_cpu_cores=%.2f"
                            + " rounds_per_s=%.2f calls_per_round=%.1f largest_round=%d %s",
                    agents.size(), refused, rate, slowest, originated, accounting.attempted(), lost, extra,
                    accounting.dialledTwice(), accounting.open(), accounting.badPlacing(), accounting.badEnd(),
                    accounting.duplicateRows(), accounting.strayRows(), clean ? "clean" : "BROKEN", cores, cpuMsPerOriginate,
                    dbMsPerOriginate, toolMsPerOriginate, toolCores, bursts.count() / (double) o.seconds(),
                    bursts.mean(), bursts.largest(), gcFields));
        }
    }

    /**
     * The dialer's rounds as the simulator sees them: originates in one burst, a gap of at least
     * {@link #GAP_MS} between two rounds (a round sends its calls within milliseconds; rounds are
     * {@code dialer.entretiempo} apart).
     */
    record Bursts(int count, double mean, int largest) {
        static final long GAP_MS = 200;

        static Bursts of(List<Long> sortedNanos) {
            if (sortedNanos.isEmpty()) {
                return new Bursts(0, 0, 0);
            }
            int count = 1;
            int size = 1;
            int largest = 1;
            for (int i = 1; i < sortedNanos.size(); i++) {
                if (sortedNanos.get(i) - sortedNanos.get(i - 1) >= TimeUnit.MILLISECONDS.toNanos(GAP_MS)) {
                    count++;
                    size = 0;
                }
                size++;
                largest = Math.max(largest, size);
            }
            return new Bursts(count, sortedNanos.size() / (double) count, largest);
        }
    }

    /**
     * Waits until every attempted call has its final status and the counts stopped changing
     * (the journal applied the last writes): the accounting of the drained run.
     */
    private static CallCenterDb.Accounting drain(CallCenterDb db, long campaign, CallActivity calls) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_TIMEOUT_SECONDS);
        CallCenterDb.Accounting last = null;
        int stable = 0;
        while (System.nanoTime() < deadline) {
            CallCenterDb.Accounting now = db.accounting(campaign);
            boolean settled = now.open() == 0 && now.attempted() >= calls.originates().size();
            stable = settled && now.equals(last) ? stable + 1 : 0;
            if (stable >= 3) {
                return now;
            }
            last = now;
            LockSupport.parkNanos(500_000_000L);
        }
        say("the calls did not all drain within %d s", DRAIN_TIMEOUT_SECONDS);
        return db.accounting(campaign);
    }

    private static void parkUntil(long nanos) {
        for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
