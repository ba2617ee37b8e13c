package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aTaskFinishingLaterHoldsBackTheSessionButNotThePoolThread() throws Exception {
        SerialExecutor session = new SerialExecutor(pool);
        SerialExecutor other = new SerialExecutor(pool);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> database = new CompletableFuture<>();
        session.executeAsync(() -> {
            order.add("database request");
            return database.thenRun(() -> order.add("database answer"));
        });
        session.execute(() -> order.add("next request of the session"));
        CountDownLatch otherDone = new CountDownLatch(1);
        other.execute(() -> {
            order.add("another session");
            otherDone.countDown();
        });
        // One pool thread: the other session runs although the first one waits for its answer.
        assertTrue(otherDone.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("database request", "another session"), order);
        database.complete(null);
        CountDownLatch drained = new CountDownLatch(1);
        session.execute(drained::countDown);
        assertTrue(drained.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("database request", "another session", "database answer", "next request of the session"),
                order);
    }
}
