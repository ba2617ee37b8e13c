package org.dialerd.jmh.ami;

import java.time.Duration;

/**
 * The AMI ingest rate: {@code java -cp dialerd-jmh/target/benchmarks.jar org.dialerd.jmh.ami.AmiIngestBench
 * [events] [runs]}. Each run blasts {@code events} events (default 200,000) with a Getvar every
 * millisecond; the first run warms the JIT up and is reported apart.
 */
public final class AmiIngestBench {
    private AmiIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        for (int run = 0; run < runs; run++) {
            AmiIngestRun.Result result = AmiIngestRun.run(events, Duration.ofMillis(1), Duration.ofSeconds(60));
            System.out.println((run == 0 ? "warm-up " : "run " + run + "   ") + result);
        }
    }
}
