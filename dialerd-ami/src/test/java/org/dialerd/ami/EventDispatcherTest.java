package org.dialerd.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.pbx.PbxEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

    private final EventDispatcher dispatcher = new EventDispatcher();
    /** What ran, in order, and on which thread. */
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        dispatcher.shutdown(Duration.ofSeconds(5));
    }

    private static PbxEvent event(int n) {
        return new PbxEvent.MixMonitorStart("Local/" + n + "@x-00000001;1", String.valueOf(n));
    }

    private void recordEvents() {
        dispatcher.addListener(e -> {
            order.add(((PbxEvent.MixMonitorStart) e).uniqueId());
            threads.add(Thread.currentThread().getName());
        });
    }

    @Test
    void anEventWithNothingAheadIsDeliveredOnTheThreadThatHandsItOver() {
        recordEvents();
        dispatcher.queueEvent(event(1));
        dispatcher.deliverHere();

        assertEquals(List.of("1"), order);
        assertEquals(List.of(Thread.currentThread().getName()), threads);
        assertEquals(1, dispatcher.deliveredOnCaller());
        assertEquals(0, dispatcher.queued());
    }

    @Test
    void repliesAndTimeoutsRunOnTheDispatchThreadInHandOverOrderWithTheEvents() throws InterruptedException {
        recordEvents();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        String caller = Thread.currentThread().getName();

        dispatcher.queueEvent(event(1));
        dispatcher.run(() -> {
            order.add("reply");
            threads.add(Thread.currentThread().getName());
            await(release);
        });
        dispatcher.queueEvent(event(2));
        dispatcher.deliverHere(); // the reply is being handled: event 2 waits for it, not on this thread
        release.countDown();
        dispatcher.queueEvent(event(3));
        dispatcher.deliverHere();
        dispatcher.run(done::countDown);

        assertTrue(done.await(10, TimeUnit.SECONDS), "the dispatch thread ran every task");
        assertEquals(List.of("1", "reply", "2", "3"), order);
        assertNotEquals(caller, threads.get(1), "a reply never runs on the thread handing events over");
    }

    @Test
    void aCallerThatMeetsAReplyAheadHandsTheRestToTheDispatchThread() throws InterruptedException {
        recordEvents();
        CountDownLatch done = new CountDownLatch(1);
        String caller = Thread.currentThread().getName();
        List<String> replyThread = new ArrayList<>();
        // The caller drains event 1 inline; the listener hands a reply over meanwhile (as a
        // listener's action callback could), then event 2: both must follow, the reply off this thread.
        dispatcher.addListener(e -> {
            if ("1".equals(((PbxEvent.MixMonitorStart) e).uniqueId())) {
                dispatcher.run(() -> {
                    order.add("reply");
                    synchronized (replyThread) {
                        replyThread.add(Thread.currentThread().getName());
                    }
                });
                dispatcher.queueEvent(event(2));
            }
        });

        dispatcher.queueEvent(event(1));
        dispatcher.deliverHere();
        dispatcher.run(done::countDown);

        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("1", "reply", "2"), order);
        synchronized (replyThread) {
            assertNotEquals(caller, replyThread.get(0));
        }
        assertEquals(caller, threads.get(0));
        assertNotEquals(caller, threads.get(1), "event 2 came after the reply, so on the dispatch thread");
    }

    @Test
    void manyPumpsAndRepliesKeepOneOrderAndRunOneAtATime() throws InterruptedException {
        int perProducer = 20_000;
        List<Integer> seen = new ArrayList<>(); // unsynchronized on purpose: one task at a time
        int[] running = {0};
        int[] overlaps = {0};
        dispatcher.addListener(e -> {
            if (++running[0] > 1) {
                overlaps[0]++;
            }
            seen.add(Integer.parseInt(((PbxEvent.MixMonitorStart) e).uniqueId()));
            running[0]--;
        });
        Thread pump = new Thread(() -> {
            for (int i = 0; i < perProducer; i++) {
                dispatcher.queueEvent(event(i));
                dispatcher.deliverHere();
            }
        });
        List<Integer> replies = new ArrayList<>();
        Thread replier = new Thread(() -> {
            for (int i = 0; i < perProducer; i++) {
                int n = i;
                dispatcher.run(() -> replies.add(n));
            }
        });
        pump.start();
        replier.start();
        pump.join(30_000);
        replier.join(30_000);
        CountDownLatch done = new CountDownLatch(1);
        dispatcher.run(done::countDown);
        assertTrue(done.await(30, TimeUnit.SECONDS));

        // join() and the latch order every write of the other threads before these reads.
        assertEquals(0, overlaps[0]);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < perProducer; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen, "events in hand-over order");
        assertEquals(expected, replies, "replies in hand-over order");
        assertEquals(0, dispatcher.queued());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
