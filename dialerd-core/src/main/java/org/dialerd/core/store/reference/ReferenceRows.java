package org.dialerd.core.store.reference;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.store.BreakStore.Break;
import org.dialerd.core.store.CallStore.FormField;

/**
 * The reference tables' rows as read, table by table, before they are indexed
 * ({@link ReferenceSnapshot}). {@code loaded} says which tables have been read at least once:
 * an unread table's list is empty and nothing is answered from it.
 */
public record ReferenceRows(Set<ReferenceTable> loaded, List<Agent> agents, List<Break> breaks,
                            List<OutgoingCampaignRow> outgoing, List<IncomingCampaignRow> incoming,
                            List<QueueRow> queues, List<UrlRow> urls, List<FormRow> forms, List<FormField> fields,
                            List<FormLink> outgoingForms, List<FormLink> incomingForms) {
    public static final ReferenceRows NONE = new ReferenceRows(Set.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public ReferenceRows {
        loaded = loaded.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(loaded));
        agents = List.copyOf(agents);
        breaks = List.copyOf(breaks);
        outgoing = List.copyOf(outgoing);
        incoming = List.copyOf(incoming);
        queues = List.copyOf(queues);
        urls = List.copyOf(urls);
        forms = List.copyOf(forms);
        fields = List.copyOf(fields);
        outgoingForms = List.copyOf(outgoingForms);
        incomingForms = List.copyOf(incomingForms);
    }

    /** A {@code campaign} row. */
    public record OutgoingCampaignRow(int id, String name, LocalDate startDate, LocalDate endDate,
                                      LocalTime dailyStart, LocalTime dailyEnd, String queue, long retries,
                                      Optional<String> trunk, String context, long maxChannels, String status,
                                      String script, Optional<Integer> urlId) {}

    /** A {@code campaign_entry} row. */
    public record IncomingCampaignRow(int id, String name, int queueId, Optional<Integer> legacyFormId,
                                      LocalDate startDate, LocalDate endDate, LocalTime dailyStart,
                                      LocalTime dailyEnd, String status, String script, Optional<Integer> urlId) {}

    /** A {@code queue_call_entry} row. */
    public record QueueRow(int id, Optional<String> queue, String status, Optional<String> script) {}

    /** A {@code campaign_external_url} row. */
    public record UrlRow(int id, String template, boolean active, String openType) {}

    /** A {@code form} row. */
    public record FormRow(int id, String name, String description, String status) {}

    /** A {@code campaign_form} or {@code campaign_form_entry} row. */
    public record FormLink(int campaignId, int formId) {}

    public ReferenceRows withAgents(List<Agent> rows) {
        return with(ReferenceTable.AGENT, copy -> copy.agents = rows);
    }

    public ReferenceRows withBreaks(List<Break> rows) {
        return with(ReferenceTable.BREAK, copy -> copy.breaks = rows);
    }

    public ReferenceRows withOutgoing(List<OutgoingCampaignRow> rows) {
        return with(ReferenceTable.CAMPAIGN, copy -> copy.outgoing = rows);
    }

    public ReferenceRows withIncoming(List<IncomingCampaignRow> rows) {
        return with(ReferenceTable.CAMPAIGN_ENTRY, copy -> copy.incoming = rows);
    }

    public ReferenceRows withQueues(List<QueueRow> rows) {
        return with(ReferenceTable.QUEUE_CALL_ENTRY, copy -> copy.queues = rows);
    }

    public ReferenceRows withUrls(List<UrlRow> rows) {
        return with(ReferenceTable.CAMPAIGN_EXTERNAL_URL, copy -> copy.urls = rows);
    }

    public ReferenceRows withForms(List<FormRow> rows) {
        return with(ReferenceTable.FORM, copy -> copy.forms = rows);
    }

    public ReferenceRows withFields(List<FormField> rows) {
        return with(ReferenceTable.FORM_FIELD, copy -> copy.fields = rows);
    }

    public ReferenceRows withOutgoingForms(List<FormLink> rows) {
        return with(ReferenceTable.CAMPAIGN_FORM, copy -> copy.outgoingForms = rows);
    }

    public ReferenceRows withIncomingForms(List<FormLink> rows) {
        return with(ReferenceTable.CAMPAIGN_FORM_ENTRY, copy -> copy.incomingForms = rows);
    }

    /** This with {@code table} read: {@code change} replaces its rows in a copy of the others. */
    private ReferenceRows with(ReferenceTable table, Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.rows(plus(table));
    }

    /** The tables' lists while one of them is replaced. */
    private static final class Copy {
        private List<Agent> agents;
        private List<Break> breaks;
        private List<OutgoingCampaignRow> outgoing;
        private List<IncomingCampaignRow> incoming;
        private List<QueueRow> queues;
        private List<UrlRow> urls;
        private List<FormRow> forms;
        private List<FormField> fields;
        private List<FormLink> outgoingForms;
        private List<FormLink> incomingForms;

        Copy(ReferenceRows from) {
            agents = from.agents;
            breaks = from.breaks;
            outgoing = from.outgoing;
            incoming = from.incoming;
            queues = from.queues;
            urls = from.urls;
            forms = from.forms;
            fields = from.fields;
            outgoingForms = from.outgoingForms;
            incomingForms = from.incomingForms;
        }

        ReferenceRows rows(Set<ReferenceTable> loaded) {
            return new ReferenceRows(loaded, agents, breaks, outgoing, incoming, queues, urls, forms, fields,
                    outgoingForms, incomingForms);
        }
    }

    private Set<ReferenceTable> plus(ReferenceTable table) {
        Objects.requireNonNull(table, "table");
        EnumSet<ReferenceTable> tables = EnumSet.noneOf(ReferenceTable.class);
        tables.addAll(loaded);
        tables.add(table);
        return tables;
    }
}
