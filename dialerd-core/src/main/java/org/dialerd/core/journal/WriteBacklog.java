package org.dialerd.core.journal;

import java.time.Duration;

/** What /health and /metrics tell of the writes not yet in the database. */
public interface WriteBacklog {

    /** Writes accepted and not yet applied to the database. */
    int pending();

    /** How long the oldest of them has waited (zero when none waits). */
    Duration oldestPendingAge();
}
