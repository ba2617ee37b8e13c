package org.dialerd.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@link Load}, validated once: every bad value is refused with its option
 * and value. See {@link #USAGE}.
 */
record LoadOptions(String label, Path dialerdJar, Path workDir, List<String> jvmOptions, int sessions, int idle,
                   int filtered, RequestMix mix, String mixSpec, double rate, int pipeline, int warmupSeconds,
                   int seconds, double callsPerSecond, int monitors, int ioThreads, int warmupRequests,
                   int originateAgents, int numbers, int answerPercent, int roundSeconds, boolean lean,
                   boolean realtimeTool) {
    /** {@link #warmupRequests} when the option is not given: dialerd's own default applies. */
    static final int DIALERD_DEFAULT = -1;

    static final String USAGE = """
            usage: java -jar dialerd-bench/target/dialerd-bench-0.1.0-SNAPSHOT.jar --dialerd-jar dialerd-server/target/dialerd.jar [options]
              --label NAME        scenario name printed in the RESULT line (default: load)
              --work-dir DIR      dialerd's data (embedded MariaDB, journal) and log (default /var/tmp/dialerd-bench)
              --jvm "OPTS"        JVM options of the dialerd process (default "-Xmx1g")
              --sessions N        sessions sending requests (default 1; 0 with --calls only)
              --idle N            further logged-in sessions that send nothing (default 0)
              --filtered N        further logged-in sessions filtered by agent (filterbyagent), idle (default 0)
              --mix SPEC          request mix, name[:weight],... (default getagentstatus)
              --rate R            requests/s over all sessions, open loop; 0 = flat out (default 0)
              --pipeline P        flat out: requests in flight per session (default 1)
              --warmup S          seconds reported apart, counted from the first request (default 5)
              --seconds S         steady-state seconds after the warm-up (default 10)
              --calls R           simulator callers entering queue 8001 per second (default 0)
              --monitors N        with --calls: sessions with callprogress measuring event latency (default 4)
              --io-threads N      the tool's ECCP client I/O threads (default 2)
              --warmup-requests N dialerd's eccp.warmup_requests (default: dialerd's, 20000; 0 = a cold start)
              --originate N       the originate scenario: N dynamic agents and a progressive campaign dialled by dialerd (default 0: off)
              --numbers N         with --originate: the campaign's numbers (default 30000)
              --answer-pct P      with --originate: the share of numbers that answer (2 s of talk); the others are busy (default 10)
              --entretiempo S     with --originate: valor_config dialer.entretiempo, seconds between rounds (default 1)
              --client KIND       library (the Java client library, default) or lean (raw sockets that count
                                  bytes, no XML parsing; flat out with --pipeline 1, or open loop with --rate)
              --tool-priority P   normal (default) or realtime (open loop): the tool's sender, and the lean client's
                                  readers, run SCHED_FIFO (chrt, needs root): its timing does not wait behind
                                  dialerd or the JITs""";

    static LoadOptions parse(String[] args) {
        String label = "load";
        Path jar = null;
        Path workDir = Path.of("/var/tmp/dialerd-bench");
        List<String> jvm = List.of("-Xmx1g");
        int sessions = 1;
        int idle = 0;
        int filtered = 0;
        String mix = "getagentstatus";
        double rate = 0;
        int pipeline = 1;
        int warmup = 5;
        int seconds = 10;
        double calls = 0;
        int monitors = 4;
        int ioThreads = 2;
        int warmupRequests = DIALERD_DEFAULT;
        int originate = 0;
        int numbers = 30_000;
        int answerPct = 10;
        int roundSeconds = 1;
        boolean lean = false;
        boolean realtime = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : fail(option, "", "needs a value");
            switch (option) {
                case "--label" -> label = value;
                case "--dialerd-jar" -> jar = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--jvm" -> jvm = value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
                case "--sessions" -> sessions = intIn(option, value, 0, 20_000);
                case "--idle" -> idle = intIn(option, value, 0, 20_000);
                case "--filtered" -> filtered = intIn(option, value, 0, 20_000);
                case "--mix" -> mix = value;
                case "--rate" -> rate = doubleIn(option, value, 0, 10_000_000);
                case "--pipeline" -> pipeline = intIn(option, value, 1, 10_000);
                case "--warmup" -> warmup = intIn(option, value, 0, 3_600);
                case "--seconds" -> seconds = intIn(option, value, 1, 3_600);
                case "--calls" -> calls = doubleIn(option, value, 0, 10_000);
                case "--monitors" -> monitors = intIn(option, value, 1, 1_000);
                case "--io-threads" -> ioThreads = intIn(option, value, 1, 64);
                case "--warmup-requests" -> warmupRequests = intIn(option, value, 0, 1_000_000);
                case "--originate" -> originate = intIn(option, value, 0, 900);
                case "--numbers" -> numbers = intIn(option, value, 1, 9_999_999);
                case "--answer-pct" -> answerPct = intIn(option, value, 0, 100);
                case "--entretiempo" -> roundSeconds = intIn(option, value, 0, 60);
                case "--client" -> lean = switch (value) {
                    case "library" -> false;
                    case "lean" -> true;
                    default -> fail(option, value, "must be library or lean");
                };
                case "--tool-priority" -> realtime = switch (value) {
                    case "normal" -> false;
                    case "realtime" -> true;
                    default -> fail(option, value, "must be normal or realtime");
                };
                default -> fail(option, value, "unknown option");
            }
        }
        if (jar == null) {
            fail("--dialerd-jar", "", "is required (dialerd-server/target/dialerd.jar)");
        }
        if (sessions == 0 && calls == 0 && originate == 0) {
            fail("--sessions", "0", "needs --calls or --originate: nothing would be measured");
        }
        if (lean && (pipeline > 1 || sessions == 0)) {
            fail("--client", "lean", "measures request/response (flat out, --pipeline 1) or an open loop (--rate),"
                    + " with --sessions 1 or more");
        }
        if (realtime && rate == 0) {
            // Flat out, the tool's threads never park: at real-time priority they would take the cores from dialerd.
            fail("--tool-priority", "realtime", "is for an open loop (--rate) only");
        }
        RequestMix parsed;
        try {
            parsed = RequestMix.parse(mix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new LoadOptions(label, jar, workDir, jvm, sessions, idle, filtered, parsed, mix, rate, pipeline, warmup,
                seconds, calls, monitors, ioThreads, warmupRequests, originate, numbers, answerPct, roundSeconds, lean,
                realtime);
    }

    /** Every session the run holds open at once. */
    int totalSessions() {
        return sessions + idle + filtered + (callsPerSecond > 0 ? monitors : 0) + originateAgents;
    }

    private static int intIn(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                fail(option, value, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            return fail(option, value, "not a whole number");
        }
    }

    private static double doubleIn(String option, String value, double min, double max) {
        try {
            double n = Double.parseDouble(value);
            if (!(n >= min && n <= max)) {
                fail(option, value, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            return fail(option, value, "not a number");
        }
    }

    private static <T> T fail(String option, String value, String why) {
        throw new IllegalArgumentException(option + " '" + value + "': " + why);
    }
}
