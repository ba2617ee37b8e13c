package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.engine.AgentEvent;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CallStore.Contact;
import org.junit.jupiter.api.Test;

class LinkedCallDetailsTest {
    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 22, 10, 0, 0);
    private static final Contact ANA = new Contact(1, "Ana", "Paz", "042345678", "0901", null);

    /** A CallStore answering contactsByPhone with {@code answer} (which may block). */
    private static CallStore contacts(java.util.function.Supplier<List<Contact>> answer) {
        return (CallStore) Proxy.newProxyInstance(CallStore.class.getClassLoader(), new Class<?>[] {CallStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("contactsByPhone")) {
                        return answer.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static AgentEvent.CallProgress onQueue() {
        return new AgentEvent.CallProgress(null, T, "incoming", 1, 42, "OnQueue", 0, "1.1", "SIP/p", "042345678",
                "8001");
    }

    private static AgentEvent.AgentLinked linked() {
        return new AgentEvent.AgentLinked("SIP/1001", new CallLink("incoming", 42, Optional.of(1), "042345678",
                "SIP/p-1", "1.1", "8001", "SIP/p", T, T.plusSeconds(3)), 77);
    }

    @Test
    void agentlinkedCarriesTheContactsReadWhenTheCallEnteredTheQueue() throws Exception {
        try (LinkedCallDetails details = new LinkedCallDetails(contacts(() -> List.of(ANA)))) {
            details.onProgress(onQueue());
            CallStore.IncomingCall call = (CallStore.IncomingCall) details.linked(linked()).get(5, TimeUnit.SECONDS)
                    .orElseThrow();
            assertEquals(List.of(ANA), call.matchingContacts());
            assertEquals("activa", call.status());
            assertEquals(42, call.id());
            assertEquals(T.plusSeconds(3), call.linkStart());
        }
    }

    @Test
    void aReadThatHangsDelaysAgentlinkedABoundedTimeAndItGoesWithoutContacts() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (LinkedCallDetails details = new LinkedCallDetails(contacts(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(ANA);
        }))) {
            details.onProgress(onQueue());
            long start = System.nanoTime();
            CallStore.IncomingCall call = (CallStore.IncomingCall) details.linked(linked()).get(5, TimeUnit.SECONDS)
                    .orElseThrow();
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(List.of(), call.matchingContacts());
            assertTrue(waited < LinkedCallDetails.MAX_WAIT_MILLIS + 1000, "waited " + waited + " ms");
        }
    }

    @Test
    void aDatabaseThatIsDownLeavesTheContactsOutAtOnce() throws Exception {
        try (LinkedCallDetails details = new LinkedCallDetails(contacts(() -> {
            throw new org.dialerd.core.store.StoreException("database unavailable", null);
        }))) {
            details.onProgress(onQueue());
            CallStore.IncomingCall call = (CallStore.IncomingCall) details.linked(linked()).get(5, TimeUnit.SECONDS)
                    .orElseThrow();
            assertEquals(List.of(), call.matchingContacts());
            assertEquals("042345678", call.phone());
        }
    }
}
