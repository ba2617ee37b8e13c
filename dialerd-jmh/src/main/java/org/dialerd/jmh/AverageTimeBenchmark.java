package org.dialerd.jmh;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run most of dialerd's micro-benchmarks share: average time of one operation, a state per
 * thread, one fork, 3 warm-up and 5 measured iterations of 2 s. JMH reads these annotations from
 * the superclass; a benchmark names its own time unit ({@code @OutputTimeUnit}) and overrides
 * any of these by annotating itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class AverageTimeBenchmark {
}
