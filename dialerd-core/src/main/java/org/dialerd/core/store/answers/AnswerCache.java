package org.dialerd.core.store.answers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers of the database-backed requests (getcallinfo, getcampaignstatus, getincomingqueuestatus,
 * getagentactivitysummary), kept per (request, arguments) until anything they may have read
 * changes. Exact by construction: every entry carries the generation it was read under, and any
 * change moves the generation, so an entry read before a change is never served after it.
 *
 * <p>What moves the generation:
 * <ul>
 *   <li>dialerd's own writes, at once: every journal batch once it is committed and before the
 *       journal reports it applied ({@link AnswerWrites}, so a request that waited for the journal
 *       sees the new generation), and every direct write of a store (setcontact, saveformdata,
 *       schedulecall, click-to-call; dialerd-db's {@code Jdbc} after each write);</li>
 *   <li>everyone else's writes (the Issabel web UI, another dialerd host on the same database)
 *       through the change check ({@link #checked}), every {@link #CHECK_INTERVAL}: any table whose
 *       commit time or highest id moved, or that changed in the last {@link #RECENT_SECONDS}
 *       seconds, moves it.</li>
 * </ul>
 * Entries are served only while the last check succeeded and started less than
 * {@link #FRESHNESS} ago: a database that stops answering the check, or a check that hangs, turns
 * the cache off rather than letting it serve what it can no longer vouch for.
 */
public final class AnswerCache {
    /** How often the change check runs: a foreign write shows within this (plus the check's time). */
    public static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
    /** Longest time since the start of the last good check for which entries are served. */
    public static final Duration FRESHNESS = Duration.ofSeconds(1);
    /**
     * A table changed this recently counts as changed at every check. UPDATE_TIME has whole
     * seconds and is the time the changing transaction started, so a second change committed in
     * (or started in) the same second as the first, or a transaction shorter than about a second
     * that spans a second boundary, would otherwise leave it unmoved.
     */
    public static final int RECENT_SECONDS = 2;
    /** More distinct (request, arguments) than this and the cache starts over. */
    static final int MAX_ENTRIES = 20_000;

    private record Entry(long generation, Object value) {}

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();
    private final LongSupplier nanoTime;
    /** Told every successful check's stamps, after the generation moved (the shared campaign options). */
    private final List<Consumer<List<TableStamp>>> followers = new CopyOnWriteArrayList<>();
    private volatile List<TableStamp> lastStamps = List.of();
    /** nanoTime at the start of the last check that succeeded; valid only while {@link #checking}. */
    private volatile long lastGoodCheck;
    private volatile boolean checking;

    public AnswerCache() {
        this(System::nanoTime);
    }

    /** @param nanoTime the monotonic clock the freshness is measured on (tests pass their own) */
    public AnswerCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The answer for {@code key}: the cached one if nothing changed since it was read, else
     * {@code read}'s (which is then kept). {@code key} must name the request and every argument.
     * In {@link MemoryOnly} work, a miss throws {@link MemoryOnly.NotInMemory} instead of reading.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> read) {
        long current = generation.get();
        if (serving()) {
            Entry entry = entries.get(key);
            if (entry != null && entry.generation() == current) {
                hits.incrementAndGet();
                return (T) entry.value();
            }
        }
        if (MemoryOnly.active()) {
            throw MemoryOnly.notInMemory(); // counted as a miss where it is read, on a thread that may block
        }
        misses.incrementAndGet();
        T value = read.get(); // read after taking the generation: a change during the read invalidates it
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(current, value));
        return value;
    }

    /** Whether a cached answer may be served now (the change check is alive and recent). */
    public boolean serving() {
        return checking && nanoTime.getAsLong() - lastGoodCheck < FRESHNESS.toNanos();
    }

    /** Something the answers may have read changed: no entry read before now is served again. */
    public void invalidateAll() {
        generation.incrementAndGet();
    }

    /**
     * The result of a change check that started at {@code startedNanos} (on this cache's clock):
     * moves the generation if any table changed since the previous check or changed recently.
     */
    public void checked(List<TableStamp> stamps, long startedNanos) {
        List<TableStamp> previous = lastStamps;
        if (!stamps.equals(previous) || stamps.stream().anyMatch(TableStamp::recent)) {
            invalidateAll();
        }
        lastStamps = List.copyOf(stamps);
        lastGoodCheck = startedNanos;
        checking = true;
        for (Consumer<List<TableStamp>> follower : followers) {
            follower.accept(lastStamps);
        }
    }

    /** {@code follower} gets the stamps of every successful check, on the check's thread. */
    public void follow(Consumer<List<TableStamp>> follower) {
        followers.add(follower);
    }

    /** A check failed: nothing is served until one succeeds (and what it finds invalidates). */
    public void checkFailed() {
        checking = false;
        lastStamps = List.of();
        invalidateAll();
    }

    /** Runs one check through {@code source}; a failure turns serving off. */
    public void check(ChangeSource source) {
        long started = nanoTime.getAsLong();
        try {
            checked(source.stamps(), started);
        } catch (RuntimeException e) {
            checkFailed();
            throw e;
        } finally {
            checks.incrementAndGet();
        }
    }

    /**
     * Checks run to their end so far, succeeded or not. Once it has moved by two since a
     * foreign write committed, a check that started after the commit has ended: the write shows.
     */
    public long checks() {
        return checks.get();
    }

    public long generation() {
        return generation.get();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }
}
