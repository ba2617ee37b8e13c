package org.dialerd.eccp.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.store.AgentStore;
import org.dialerd.core.store.BreakStore;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CampaignStore;
import org.dialerd.core.store.ClientStore;
import org.dialerd.core.store.ReportStore;
import org.dialerd.core.store.Stores;

/** Services over in-memory stores; stores a test does not set fail loudly when used. */
public final class FakeServices {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private FakeServices() {
    }

    public static Services create(BooleanSupplier amiConnected) {
        List<Agent> agents = new ArrayList<>();
        ClientStore clients = user -> user.equals("agentconsole")
                ? Optional.of("7e53aa92f7566f44f39f3f1842832581") : Optional.empty();
        AgentStore agentStore = new AgentStore() {
            @Override
            public List<Agent> findAll() {
                return agents;
            }

            @Override
            public Optional<Agent> findByChannel(String type, String number) {
                return agents.stream().filter(a -> a.channel().equals(type + "/" + number)).findFirst();
            }
        };
        BreakStore breaks = tipo -> List.of();
        Stores stores = new Stores(clients, agentStore, breaks, unused(CampaignStore.class), unused(CallStore.class),
                unused(ReportStore.class), java.util.Map::of,
                unused(org.dialerd.core.store.AuditStore.class),
                unused(org.dialerd.core.store.IncomingCallStore.class),
                unused(org.dialerd.core.store.CampaignStatusStore.class),
                unused(org.dialerd.core.store.OutgoingCallStore.class),
                unused(org.dialerd.core.store.ScheduleStore.class),
                unused(org.dialerd.core.store.RecordingStore.class));
        return Services.builder(stores, new AgentDirectory(), amiConnected::getAsBoolean, CLOCK,
                () -> "0123456789abcdef0123456789abcdef")
                .build();
    }

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> type) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(type.getSimpleName() + " not used by this test");
                });
    }
}
