package org.dialerd.core.store.reference;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference tables held in memory and kept fresh without a blind TTL: {@link #refresh()}
 * (every 500 ms, off the engine and the ECCP threads) reads one fingerprint per table in one
 * query and reloads only the tables whose fingerprint changed, so an edit made in the web UI is
 * answered within a refresh. dialerd's own writes to these tables {@link #invalidate} them at once:
 * until the next refresh has read them again, the cached stores read such a table from the
 * database. While the database is down the last snapshot stays and answers.
 */
public final class ReferenceData {
    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    private final ReferenceSource source;
    private volatile ReferenceRows rows = ReferenceRows.NONE;
    private volatile ReferenceSnapshot snapshot = new ReferenceSnapshot(ReferenceRows.NONE);
    private final Map<ReferenceTable, Fingerprint> fingerprints = new EnumMap<>(ReferenceTable.class);
    private final Set<ReferenceTable> stale = ConcurrentHashMap.newKeySet();
    private final Map<ReferenceTable, AtomicLong> invalidations = new EnumMap<>(ReferenceTable.class);
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong reloads = new AtomicLong();
    private volatile long lastCheckNanos;
    private boolean failing;

    public ReferenceData(ReferenceSource source) {
        this.source = source;
        for (ReferenceTable table : ReferenceTable.values()) {
            invalidations.put(table, new AtomicLong());
        }
    }

    /**
     * The current snapshot if it holds all these tables and none of them waits for a reload after
     * one of dialerd's own writes; empty otherwise (the caller then reads the database).
     */
    public Optional<ReferenceSnapshot> snapshotWith(Collection<ReferenceTable> tables) {
        ReferenceSnapshot current = snapshot;
        if (!current.has(tables)) {
            return Optional.empty();
        }
        for (ReferenceTable table : tables) {
            if (stale.contains(table)) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** dialerd changed this table itself: read it from the database until it is reloaded. */
    public void invalidate(ReferenceTable table) {
        invalidations.get(table).incrementAndGet();
        stale.add(table);
    }

    /**
     * Compares the fingerprints with the last ones and reloads the tables that changed, were
     * invalidated or were never read. Returns those tables; none when the database did not answer
     * (the snapshot is kept and the failure logged once).
     */
    public synchronized Set<ReferenceTable> refresh() {
        long start = System.nanoTime();
        Map<ReferenceTable, Long> generations = new EnumMap<>(ReferenceTable.class);
        invalidations.forEach((table, count) -> generations.put(table, count.get()));
        Set<ReferenceTable> changed = EnumSet.noneOf(ReferenceTable.class);
        try {
            Map<ReferenceTable, Fingerprint> now = source.fingerprints();
            ReferenceRows current = rows;
            for (ReferenceTable table : ReferenceTable.values()) {
                Fingerprint fingerprint = now.get(table);
                if (fingerprint == null || !fingerprint.equals(fingerprints.get(table)) || stale.contains(table)
                        || !current.loaded().contains(table)) {
                    changed.add(table);
                }
            }
            for (ReferenceTable table : changed) {
                current = source.load(table, current);
            }
            if (!changed.isEmpty()) {
                rows = current;
                snapshot = new ReferenceSnapshot(current);
                reloads.incrementAndGet();
            }
            for (ReferenceTable table : changed) {
                Fingerprint fingerprint = now.get(table);
                if (fingerprint != null) {
                    fingerprints.put(table, fingerprint);
                }
                // An invalidation that came while we read stays until a read that started after it.
                if (invalidations.get(table).get() == generations.get(table)) {
                    stale.remove(table);
                }
            }
            if (failing) {
                failing = false;
                log.info("reference tables read from the database again");
            }
        } catch (StoreException e) {
            if (!failing) {
                failing = true;
                log.warn("reference tables not checked ({}): answering from the rows last read", e.getMessage());
            }
            changed.clear();
        } finally {
            checks.incrementAndGet();
            lastCheckNanos = System.nanoTime() - start;
        }
        if (!changed.isEmpty()) {
            log.debug("reference tables reloaded: {} in {} µs", changed, lastCheckNanos / 1000);
        }
        return changed;
    }

    /** Refreshes run so far (cheap figures for /metrics and the logs). */
    public long checks() {
        return checks.get();
    }

    /** Refreshes that reloaded at least one table. */
    public long reloads() {
        return reloads.get();
    }

    /** How long the last refresh took, fingerprint query and reloads included. */
    public long lastCheckNanos() {
        return lastCheckNanos;
    }
}
