package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HangupSignalTest {
    @Test
    void aRealSighupRunsTheReload() throws Exception {
        CountDownLatch reloaded = new CountDownLatch(1);
        // Without the handler a SIGHUP would end this JVM: only raise it once it is installed.
        assertTrue(HangupSignal.install(reloaded::countDown), "SIGHUP handler installed on this JVM");

        Class<?> signal = Class.forName("sun.misc.Signal");
        signal.getMethod("raise", signal).invoke(null, signal.getConstructor(String.class).newInstance("HUP"));

        assertTrue(reloaded.await(10, TimeUnit.SECONDS), "reload ran after SIGHUP");
    }
}
