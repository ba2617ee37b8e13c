package org.dialerd.core.store.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialerd.core.store.CampaignStatusStore;
import org.dialerd.core.store.CampaignStatusStore.CallSummary;
import org.junit.jupiter.api.Test;

class CachedCampaignStatusStoreTest {
    private final AtomicInteger reads = new AtomicInteger();
    private final CampaignStatusStore database = new CampaignStatusStore() {
        @Override
        public Optional<CallSummary> outgoingCampaign(long campaignId, Optional<LocalDateTime> since) {
            reads.incrementAndGet();
            return Optional.of(summary("q" + campaignId));
        }

        @Override
        public Optional<CallSummary> incomingCampaign(long campaignId, Optional<LocalDateTime> since) {
            reads.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public CallSummary incomingQueue(String queue, Optional<LocalDateTime> since) {
            reads.incrementAndGet();
            return summary(queue);
        }
    };
    private final AnswerCache cache = new AnswerCache(() -> 0L);
    private final CampaignStatusStore cached = new CachedCampaignStatusStore(database, cache);

    private static CallSummary summary(String queue) {
        return new CallSummary(queue, 0, Map.of(), CampaignStatusStore.Durations.NONE, List.of());
    }

    @Test
    void keysEveryAnswerByItsRequestAndArguments() {
        cache.checked(List.of(), 0L);
        Optional<LocalDateTime> day = Optional.of(LocalDateTime.of(2026, 12, 2, 0, 0));
        CallSummary first = cached.outgoingCampaign(1, Optional.empty()).orElseThrow();
        assertSame(first, cached.outgoingCampaign(1, Optional.empty()).orElseThrow());
        cached.outgoingCampaign(1, day);
        cached.outgoingCampaign(2, Optional.empty());
        assertEquals(Optional.empty(), cached.incomingCampaign(1, Optional.empty()), "not found is an answer too");
        assertEquals(Optional.empty(), cached.incomingCampaign(1, Optional.empty()));
        cached.incomingQueue("8001", Optional.empty());
        cached.incomingQueue("8001", Optional.empty());
        assertEquals(5, reads.get(), "campaign 1 twice, another day, campaign 2, incoming 1 twice, queue 8001 twice");

        cache.invalidateAll();
        cached.outgoingCampaign(1, Optional.empty());
        assertEquals(6, reads.get());
    }
}
