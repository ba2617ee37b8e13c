package org.dialerd.core.store.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.store.BreakStore.Break;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CampaignStore.Campaign;
import org.dialerd.core.store.CampaignStore.CampaignSummary;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.IncomingQueue;
import org.dialerd.core.store.reference.ReferenceRows.QueueRow;

/**
 * The reference rows indexed the way the requests look them up, built once per reload (tables of
 * hundreds or thousands of rows: a few milliseconds) and then only read, by any thread.
 */
public final class ReferenceSnapshot {
    /** A campaign as getcampaignlist filters it. */
    record Listed(CampaignSummary summary, LocalDate startDate, String lowerName, boolean asciiName) {}

    private final Set<ReferenceTable> loaded;
    private final List<Agent> agents;
    private final Map<String, Agent> agentsByChannel = new HashMap<>();
    private final Map<Character, List<Break>> breaksByTipo;
    private final List<Listed> listed = new ArrayList<>();
    private final Map<Long, Campaign> outgoing;
    private final Map<Long, Campaign> incoming;
    private final List<IncomingQueue> queues;
    private final Map<String, String> scriptByQueue = new HashMap<>();
    private final Map<Long, List<CallStore.FormField>> fieldsByForm;

    public ReferenceSnapshot(ReferenceRows rows) {
        loaded = rows.loaded();
        agents = rows.agents().stream().sorted(Comparator.comparingInt(Agent::id)).toList();
        for (Agent agent : agents) {
            agentsByChannel.putIfAbsent(channelKey(agent.type().wireName(), agent.number()), agent);
        }
        Map<Character, List<Break>> breaks = new HashMap<>();
        rows.breaks().stream().sorted(Comparator.comparingInt(Break::id))
                .forEach(b -> breaks.computeIfAbsent(b.tipo(), t -> new ArrayList<>()).add(b));
        breaks.replaceAll((tipo, list) -> List.copyOf(list));
        breaksByTipo = Map.copyOf(breaks);
        rows.incoming().stream().sorted(Comparator.comparingInt(ReferenceRows.IncomingCampaignRow::id))
                .forEach(c -> listed.add(listed(CampaignType.INCOMING, c.id(), c.name(), c.status(), c.startDate())));
        rows.outgoing().stream().sorted(Comparator.comparingInt(ReferenceRows.OutgoingCampaignRow::id))
                .forEach(c -> listed.add(listed(CampaignType.OUTGOING, c.id(), c.name(), c.status(), c.startDate())));
        fieldsByForm = CampaignAssembly.fieldsByForm(rows.fields());
        CampaignAssembly assembly = new CampaignAssembly(rows, fieldsByForm);
        outgoing = assembly.outgoing(rows.outgoing(), rows.outgoingForms());
        incoming = assembly.incoming(rows.incoming(), rows.incomingForms());
        List<QueueRow> byId = rows.queues().stream().sorted(Comparator.comparingInt(QueueRow::id)).toList();
        queues = byId.stream().map(q -> new IncomingQueue(q.id(), q.queue(), q.status())).toList();
        // ORDER BY estatus, id: an active row ('A') wins over an inactive one ('I') with the same number.
        byId.stream().sorted(Comparator.comparing((QueueRow q) -> q.status().toUpperCase(Locale.ROOT)))
                .filter(q -> q.queue().isPresent())
                .forEach(q -> scriptByQueue.putIfAbsent(queueKey(q.queue().get()), q.script().orElse("")));
    }

    /** Whether every one of these tables has been read. */
    public boolean has(Collection<ReferenceTable> tables) {
        return loaded.containsAll(tables);
    }

    public List<Agent> agents() {
        return agents;
    }

    /** As {@code type = ? AND number = ?} compares under utf8mb4_general_ci (case, trailing spaces). */
    public Optional<Agent> agent(String type, String number) {
        return Optional.ofNullable(agentsByChannel.get(channelKey(type, number)));
    }

    public List<Break> breaks(char tipo) {
        return breaksByTipo.getOrDefault(tipo, List.of());
    }

    /** Incoming campaigns by id, then outgoing by id. */
    List<Listed> listed() {
        return listed;
    }

    public Optional<Campaign> campaign(CampaignType type, long id) {
        return Optional.ofNullable((type == CampaignType.OUTGOING ? outgoing : incoming).get(id));
    }

    /** Incoming queues by id. */
    public List<IncomingQueue> queues() {
        return queues;
    }

    public Optional<String> queueScript(String queue) {
        return Optional.ofNullable(scriptByQueue.get(queueKey(queue)));
    }

    /** The fields of these forms, by form id, then order. */
    public List<CallStore.FormField> formFields(Collection<Long> formIds) {
        return formIds.stream().distinct().sorted()
                .flatMap(id -> fieldsByForm.getOrDefault(id, List.of()).stream()).toList();
    }

    private static Listed listed(CampaignType type, int id, String name, String status, LocalDate start) {
        return new Listed(new CampaignSummary(type, id, name, status), start, name.toLowerCase(Locale.ROOT),
                isAscii(name));
    }

    static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static String channelKey(String type, String number) {
        return type.toLowerCase(Locale.ROOT) + "/" + number.stripTrailing().toLowerCase(Locale.ROOT);
    }

    private static String queueKey(String queue) {
        return queue.stripTrailing().toLowerCase(Locale.ROOT);
    }
}
