package org.dialerd.core.store.answers;

import java.util.function.Supplier;

/**
 * Work that must not touch the database, such as an answer computed on a network event loop: while
 * it runs on this thread, an {@link AnswerCache} that does not hold a current answer throws
 * {@link NotInMemory} instead of reading. The caller then gives the work to a thread that may block.
 * A hit is served exactly as it would be anywhere else (same generation and freshness rules).
 *
 * <pre>{@code
 * try {
 *     return MemoryOnly.call(() -> handler.handle(request));   // answered from the cache
 * } catch (MemoryOnly.NotInMemory e) {
 *     worker.execute(() -> handler.handle(request));           // a miss: read on a worker
 * }
 * }</pre>
 */
public final class MemoryOnly {
    private static final ThreadLocal<boolean[]> ACTIVE = ThreadLocal.withInitial(() -> new boolean[1]);
    private static final NotInMemory NOT_IN_MEMORY = new NotInMemory();

    private MemoryOnly() {
    }

    /** Runs {@code work} in memory-only mode on this thread; nests. */
    public static <T> T call(Supplier<T> work) {
        boolean[] active = ACTIVE.get();
        boolean outer = active[0];
        active[0] = true;
        try {
            return work.get();
        } finally {
            active[0] = outer;
        }
    }

    /** Whether this thread runs memory-only work now. */
    public static boolean active() {
        return ACTIVE.get()[0];
    }

    /** Raised by {@link AnswerCache#get} on a miss in memory-only mode. */
    static NotInMemory notInMemory() {
        return NOT_IN_MEMORY;
    }

    /**
     * The answer needs the database. Shared and without a stack trace: it is control flow, thrown
     * once per (request, arguments) after each change, and never logged.
     */
    public static final class NotInMemory extends RuntimeException {
        private NotInMemory() {
            super("the answer is not in memory", null, false, false);
        }
    }
}
