package org.dialerd.core.store.reference;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
        return new ReferenceRows(plus(ReferenceTable.AGENT), rows, breaks, outgoing, incoming, queues, urls, forms,
                fields, outgoingForms, incomingForms);
    }

    public ReferenceRows withBreaks(List<Break> rows) {
        return new ReferenceRows(plus(ReferenceTable.BREAK), agents, rows, outgoing, incoming, queues, urls, forms,
                fields, outgoingForms, incomingForms);
    }

    public ReferenceRows withOutgoing(List<OutgoingCampaignRow> rows) {
        return new ReferenceRows(plus(ReferenceTable.CAMPAIGN), agents, breaks, rows, incoming, queues, urls, forms,
                fields, outgoingForms, incomingForms);
    }

    public ReferenceRows withIncoming(List<IncomingCampaignRow> rows) {
        return new ReferenceRows(plus(ReferenceTable.CAMPAIGN_ENTRY), agents, breaks, outgoing, rows, queues, urls,
                forms, fields, outgoingForms, incomingForms);
    }

    public ReferenceRows withQueues(List<QueueRow> rows) {
        return new ReferenceRows(plus(ReferenceTable.QUEUE_CALL_ENTRY), agents, breaks, outgoing, incoming, rows,
                urls, forms, fields, outgoingForms, incomingForms);
    }

    public ReferenceRows withUrls(List<UrlRow> rows) {
        return new ReferenceRows(plus(ReferenceTable.CAMPAIGN_EXTERNAL_URL), agents, breaks, outgoing, incoming,
                queues, rows, forms, fields, outgoingForms, incomingForms);
    }

    public ReferenceRows withForms(List<FormRow> rows) {
        return new ReferenceRows(plus(ReferenceTable.FORM), agents, breaks, outgoing, incoming, queues, urls, rows,
                fields, outgoingForms, incomingForms);
    }

    public ReferenceRows withFields(List<FormField> rows) {
        return new ReferenceRows(plus(ReferenceTable.FORM_FIELD), agents, breaks, outgoing, incoming, queues, urls,
                forms, rows, outgoingForms, incomingForms);
    }

    public ReferenceRows withOutgoingForms(List<FormLink> rows) {
        return new ReferenceRows(plus(ReferenceTable.CAMPAIGN_FORM), agents, breaks, outgoing, incoming, queues,
                urls, forms, fields, rows, incomingForms);
    }

    public ReferenceRows withIncomingForms(List<FormLink> rows) {
        return new ReferenceRows(plus(ReferenceTable.CAMPAIGN_FORM_ENTRY), agents, breaks, outgoing, incoming,
                queues, urls, forms, fields, outgoingForms, rows);
    }

    private Set<ReferenceTable> plus(ReferenceTable table) {
        Objects.requireNonNull(table, "table");
        EnumSet<ReferenceTable> tables = EnumSet.noneOf(ReferenceTable.class);
        tables.addAll(loaded);
        tables.add(table);
        return tables;
    }
}
