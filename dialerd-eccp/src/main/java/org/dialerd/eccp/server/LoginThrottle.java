package org.dialerd.eccp.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed ECCP logins per client address and refuses further attempts for a while once
 * there are too many, so a password cannot be guessed at network speed.
 *
 * <p>Rule: {@code maxFailures} failed logins from one address, each less than {@code window}
 * after the previous one, lock the address out for {@code lockout}; a failure right after a
 * lockout ends starts the next one at twice the length, up to {@code maxLockout}. A successful
 * login, or {@code window} without failures after the last lockout ends, forgets the address.
 * Attempts refused during a lockout are not checked and do not lengthen it.
 *
 * <p>Memory is bounded: at most {@code maxTrackedAddresses} addresses are remembered. When full,
 * forgotten-by-rule entries are dropped first, then the least recently seen address; so a spray
 * of addresses costs a fixed amount of memory (at worst it pushes out the oldest lockouts).
 * Thread-safe: sessions log in from many worker threads.
 */
public final class LoginThrottle {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private static final class Entry {
        int failures;
        int lockouts;
        long lastFailure;
        long lockedUntil;
    }

    private final LoginThrottleSettings settings;
    private final Clock clock;
    /** Access order: the first entry is the least recently seen address. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long {@code address} must still wait before its next login is checked; empty when it may try now. */
    public synchronized Optional<Duration> lockedOut(String address) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Entry entry = entries.get(address);
        long now = clock.millis();
        if (entry == null || now >= entry.lockedUntil) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(entry.lockedUntil - now));
    }

    public synchronized void failed(String address) {
        if (!settings.enabled()) {
            return;
        }
        long now = clock.millis();
        Entry entry = entries.get(address);
        if (entry != null && isForgotten(entry, now)) {
            entries.remove(address);
            entry = null;
        }
        if (entry == null) {
            makeRoom(now);
            entry = new Entry();
            entries.put(address, entry);
        }
        entry.failures++;
        entry.lastFailure = now;
        if (entry.failures >= settings.maxFailures()) {
            entry.lockouts++;
            Duration lockout = lockout(entry.lockouts);
            entry.lockedUntil = now + lockout.toMillis();
            log.warn("ECCP logins from {} refused for {} s after {} failed attempts", address,
                    lockout.toSeconds(), entry.failures);
        }
    }

    public synchronized void succeeded(String address) {
        entries.remove(address);
    }

    /** Addresses remembered now (for tests and the memory bound). */
    public synchronized int trackedAddresses() {
        return entries.size();
    }

    /** lockout, 2 × lockout, 4 × lockout, … capped at maxLockout. */
    private Duration lockout(int lockouts) {
        int doublings = Math.min(lockouts - 1, 30);
        long millis = settings.lockout().toMillis() << doublings;
        return millis <= 0 || millis > settings.maxLockout().toMillis() ? settings.maxLockout()
                : Duration.ofMillis(millis);
    }

    private boolean isForgotten(Entry entry, long now) {
        long quietSince = Math.max(entry.lastFailure, entry.lockedUntil);
        return now >= entry.lockedUntil && now - quietSince >= settings.window().toMillis();
    }

    private void makeRoom(long now) {
        if (entries.size() < settings.maxTrackedAddresses()) {
            return;
        }
        entries.values().removeIf(entry -> isForgotten(entry, now));
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (entries.size() >= settings.maxTrackedAddresses() && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }
}
