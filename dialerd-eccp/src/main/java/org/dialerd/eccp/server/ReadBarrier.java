package org.dialerd.eccp.server;

import java.time.Duration;

/**
 * Read-your-writes for requests that read the database: the engine's writes reach the database
 * through the journal a few milliseconds after the event a console saw, so a request waits
 * (bounded) until the writes made before it arrived are applied. While the database is down it
 * does not wait: the request fails fast or reads what is there.
 */
@FunctionalInterface
public interface ReadBarrier {
    ReadBarrier NONE = max -> { };

    /** Waits at most {@code max} for the writes submitted so far. */
    void awaitWrites(Duration max);
}
