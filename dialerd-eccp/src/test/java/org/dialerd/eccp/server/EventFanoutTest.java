package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.store.CallStore;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventFanoutTest {
    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 22, 10, 0, 0);

    /** Lets the contacts read of agentlinked finish. */
    private final CountDownLatch contactsRead = new CountDownLatch(1);
    private final SessionRegistry sessions = new SessionRegistry(1 << 20);
    private final EventFanout fanout = new EventFanout(sessions, contactsAfter(contactsRead));
    /** "event name on thread", in the order the events were published. */
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    EventFanoutTest() {
        sessions.addTap(xml -> {
            XmlElement body = xml.children().get(0);
            published.add(body.name() + body.childText("uniqueid").map(id -> " " + id).orElse(""));
            threads.add(Thread.currentThread().getName());
        });
    }

    @AfterEach
    void close() {
        contactsRead.countDown();
        fanout.close();
    }

    private static CallStore contactsAfter(CountDownLatch latch) {
        return (CallStore) Proxy.newProxyInstance(CallStore.class.getClassLoader(), new Class<?>[] {CallStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("contactsByPhone")) {
                        latch.await(10, TimeUnit.SECONDS);
                        return List.of();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static AgentEvent.CallProgress onQueue(long callId, String uniqueId) {
        return new AgentEvent.CallProgress(null, T, "incoming", 1, callId, "OnQueue", 0, uniqueId, "SIP/p",
                "04234567" + callId % 10, "8001");
    }

    private static AgentEvent.AgentLinked linked() {
        return new AgentEvent.AgentLinked("SIP/1001", new CallLink("incoming", 42, Optional.of(1), "042345672",
                "SIP/p-1", "1.1", "8001", "SIP/p", T, T.plusSeconds(3)), 77);
    }

    private void awaitPublished(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (published.size() < count) {
            assertTrue(System.nanoTime() < deadline, "published " + published + ", expected " + count);
            Thread.sleep(5); // polling interval of a bounded wait
        }
    }

    @Test
    void anEventWithNothingPendingIsWrittenOnTheEnginesThread() {
        fanout.onEvent(onQueue(42, "1.1"));

        assertEquals(List.of("callprogress 1.1"), published, "published before onEvent returned");
        assertEquals(List.of(Thread.currentThread().getName()), threads);
        assertEquals(1, fanout.deliveredOnCaller());
    }

    @Test
    void eventsAfterAnAgentlinkedWaitingForItsContactsGoAfterIt() throws InterruptedException {
        fanout.onEvent(onQueue(42, "1.1")); // starts the contacts read, which waits for the latch
        fanout.onEvent(linked());
        fanout.onEvent(onQueue(43, "1.2"));
        assertEquals(List.of("callprogress 1.1"), published, "1.2 waits behind agentlinked");

        contactsRead.countDown();
        awaitPublished(3);

        assertEquals(List.of("callprogress 1.1", "agentlinked 1.1", "callprogress 1.2"), published);
        assertNotEquals(Thread.currentThread().getName(), threads.get(2), "queued behind, so on the events thread");

        // Nothing pending any more: the next one goes out on the caller again.
        awaitDeliveriesDone();
        fanout.onEvent(onQueue(44, "1.3"));
        assertEquals("callprogress 1.3", published.get(3));
        assertEquals(Thread.currentThread().getName(), threads.get(3));
    }

    @Test
    void aTaskAfterDeliveredRunsAfterTheEventsBeforeItAndEventsAfterItWaitForIt() throws InterruptedException {
        CountDownLatch taskRan = new CountDownLatch(1);
        CountDownLatch releaseTask = new CountDownLatch(1);
        fanout.onEvent(onQueue(42, "1.1"));
        fanout.afterDelivered(() -> {
            published.add("task");
            taskRan.countDown();
            try {
                releaseTask.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(taskRan.await(10, TimeUnit.SECONDS));
        fanout.onEvent(onQueue(43, "1.2")); // the task is still running: this one queues behind it
        assertEquals(List.of("callprogress 1.1", "task"), published);

        releaseTask.countDown();
        awaitPublished(3);
        assertEquals(List.of("callprogress 1.1", "task", "callprogress 1.2"), published);
    }

    /** A task behind every delivery; when it has run, nothing is pending any more. */
    private void awaitDeliveriesDone() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        fanout.afterDelivered(done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fanout.pendingDeliveries() > 0) {
            assertTrue(System.nanoTime() < deadline, "deliveries still pending");
            Thread.sleep(1); // the task's completion is counted just after it ran
        }
    }
}
