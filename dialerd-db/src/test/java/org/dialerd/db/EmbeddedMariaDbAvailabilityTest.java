package org.dialerd.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbAvailabilityTest {

    @Test
    void findsMariaDb4jOnThisModulesClassPath() {
        assertTrue(EmbeddedMariaDbAvailability.isAvailable());
    }

    @Test
    void reportsItMissingFromAClassPathWithoutIt() throws Exception {
        // Sees the JDK only, as the production package's lib/ sees no ch.vorburger jar.
        try (URLClassLoader jdkOnly = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertFalse(EmbeddedMariaDbAvailability.isAvailable(jdkOnly));
        }
    }
}
