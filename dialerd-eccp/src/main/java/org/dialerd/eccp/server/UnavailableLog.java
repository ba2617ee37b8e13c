package org.dialerd.eccp.server;

import java.util.concurrent.atomic.AtomicLong;
import org.dialerd.core.store.StoreException;
import org.dialerd.eccp.protocol.RequestName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests answered 503 because the database is away: the first is logged with its cause, then
 * at most one line every {@value #EVERY_SECONDS} s with how many more there were, so an outage
 * under load does not flood the log.
 */
final class UnavailableLog {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final long EVERY_SECONDS = 10;

    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    void report(RequestName name, EccpSession session, StoreException e) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        boolean due = last == Long.MIN_VALUE || now - last >= EVERY_SECONDS * 1_000_000_000L;
        if (due && lastLogged.compareAndSet(last, now)) {
            long others = suppressed.getAndSet(0);
            log.warn("ECCP {} from {}: database unavailable, answered 503 ({} more since the last such line): {}",
                    name.wireName(), session.remoteAddress(), others, e.getMessage());
        } else {
            suppressed.incrementAndGet();
        }
    }
}
