package org.dialerd.core.settings;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The settings in force, swapped whole by a reload. Readers take one immutable
 * {@link DaemonSettings} and use it for a whole decision (a dialer round, a call's end), so
 * they never see half of an old and half of a new configuration.
 */
public final class LiveSettings implements Supplier<DaemonSettings> {
    private final AtomicReference<DaemonSettings> current;

    public LiveSettings(DaemonSettings initial) {
        current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public DaemonSettings get() {
        return current.get();
    }

    /** Puts {@code next} in force and returns the settings it replaced. */
    public DaemonSettings replace(DaemonSettings next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }
}
