package org.dialerd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code --tool-priority realtime}: the tool's timing threads (the open loop's sender, the threads
 * that read the answers) run SCHED_FIFO at priority 1 ({@code chrt}, root only). The tool shares the
 * machine's two cores with dialerd; at normal priority a sender whose timer fired waits for a core
 * behind dialerd's threads, the JIT compilers and GC (the kernel lets a running thread finish its
 * slice, about a millisecond or more), and that wait is counted in every latency measured from the
 * due time. A separate load machine would not add it. SCHED_FIFO threads run as soon as they are
 * runnable; they block or park between requests and cost a few µs per request, so they take only
 * what they use (the kernel caps real-time threads at 95 % of each second). Not for threads whose
 * work per answer is as large as dialerd's (the client library's I/O threads): behind a backlog they
 * never block, and at real-time priority they would take the cores from dialerd. Linux only.
 */
final class RealTimeThreads {
    private RealTimeThreads() {
    }

    /** The calling thread; false when it could not be done (not root, no chrt, not Linux). */
    static boolean promoteCurrentThread() {
        try {
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // "PID/task/TID"
            return promote(self.substring(self.lastIndexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean promote(String tid) {
        try {
            Process chrt = new ProcessBuilder("chrt", "-f", "-p", "1", tid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return chrt.waitFor(5, TimeUnit.SECONDS) && chrt.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
