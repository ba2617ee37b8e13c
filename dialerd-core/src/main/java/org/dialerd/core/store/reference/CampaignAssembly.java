package org.dialerd.core.store.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CampaignStore.Campaign;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.Dialing;
import org.dialerd.core.store.CampaignStore.ExternalUrl;
import org.dialerd.core.store.CampaignStore.Form;
import org.dialerd.core.store.CampaignStore.FormField;
import org.dialerd.core.store.reference.ReferenceRows.FormLink;
import org.dialerd.core.store.reference.ReferenceRows.FormRow;
import org.dialerd.core.store.reference.ReferenceRows.IncomingCampaignRow;
import org.dialerd.core.store.reference.ReferenceRows.OutgoingCampaignRow;
import org.dialerd.core.store.reference.ReferenceRows.QueueRow;
import org.dialerd.core.store.reference.ReferenceRows.UrlRow;

/**
 * Builds getcampaigninfo's campaigns from the rows, with the rules the SQL of
 * {@code JdbcCampaignStore} has: the external URL only when active; an incoming campaign only
 * when its queue row exists (an inner join); linked forms by id without repeats, then the legacy
 * {@code campaign_entry.id_form}; forms without fields left out; fields by order, then id; a
 * missing form row gives empty strings.
 */
final class CampaignAssembly {
    /** Fields of one form, by order, then id. */
    static final Comparator<CallStore.FormField> FIELD_ORDER =
            Comparator.comparingLong(CallStore.FormField::order).thenComparingLong(CallStore.FormField::id);

    private final Map<Integer, UrlRow> urls;
    private final Map<Integer, QueueRow> queues;
    private final Map<Integer, FormRow> forms;
    private final Map<Long, List<CallStore.FormField>> fieldsByForm;

    CampaignAssembly(ReferenceRows rows, Map<Long, List<CallStore.FormField>> fieldsByForm) {
        this.urls = byId(rows.urls(), UrlRow::id);
        this.queues = byId(rows.queues(), QueueRow::id);
        this.forms = byId(rows.forms(), FormRow::id);
        this.fieldsByForm = fieldsByForm;
    }

    /** Each form's fields in display order. */
    static Map<Long, List<CallStore.FormField>> fieldsByForm(List<CallStore.FormField> fields) {
        Map<Long, List<CallStore.FormField>> byForm = new HashMap<>();
        for (CallStore.FormField field : fields) {
            byForm.computeIfAbsent(field.formId(), id -> new ArrayList<>()).add(field);
        }
        byForm.replaceAll((id, list) -> list.stream().sorted(FIELD_ORDER).toList());
        return Map.copyOf(byForm);
    }

    Map<Long, Campaign> outgoing(List<OutgoingCampaignRow> rows, List<FormLink> links) {
        Map<Integer, TreeSet<Integer>> linked = links(links);
        Map<Long, Campaign> campaigns = new HashMap<>();
        for (OutgoingCampaignRow row : rows) {
            List<Integer> formIds = new ArrayList<>(linked.getOrDefault(row.id(), new TreeSet<>()));
            campaigns.put((long) row.id(), new Campaign(CampaignType.OUTGOING, row.id(), row.name(), row.startDate(),
                    row.endDate(), row.dailyStart(), row.dailyEnd(), Optional.of(row.queue()), row.status(),
                    row.script(), Optional.of(new Dialing(row.retries(), row.trunk(), row.context(),
                    row.maxChannels())), url(row.urlId()), forms(formIds)));
        }
        return Map.copyOf(campaigns);
    }

    Map<Long, Campaign> incoming(List<IncomingCampaignRow> rows, List<FormLink> links) {
        Map<Integer, TreeSet<Integer>> linked = links(links);
        Map<Long, Campaign> campaigns = new HashMap<>();
        for (IncomingCampaignRow row : rows) {
            QueueRow queue = queues.get(row.queueId());
            if (queue == null) {
                continue;
            }
            List<Integer> formIds = new ArrayList<>(linked.getOrDefault(row.id(), new TreeSet<>()));
            row.legacyFormId().filter(formId -> !formIds.contains(formId)).ifPresent(formIds::add);
            campaigns.put((long) row.id(), new Campaign(CampaignType.INCOMING, row.id(), row.name(), row.startDate(),
                    row.endDate(), row.dailyStart(), row.dailyEnd(), queue.queue(), row.status(), row.script(),
                    Optional.empty(), url(row.urlId()), forms(formIds)));
        }
        return Map.copyOf(campaigns);
    }

    private Optional<ExternalUrl> url(Optional<Integer> urlId) {
        return urlId.map(urls::get).filter(UrlRow::active).map(u -> new ExternalUrl(u.template(), u.openType()));
    }

    private List<Form> forms(List<Integer> formIds) {
        List<Form> result = new ArrayList<>();
        for (int formId : formIds) {
            List<CallStore.FormField> fields = fieldsByForm.getOrDefault((long) formId, List.of());
            if (fields.isEmpty()) {
                continue;
            }
            List<FormField> shown = fields.stream().map(f -> new FormField((int) f.id(), (int) f.order(), f.label(),
                    f.type(), f.value())).toList();
            FormRow form = forms.get(formId);
            result.add(form == null
                    ? new Form(formId, "", "", "", shown)
                    : new Form(formId, form.name(), form.description(), form.status(), shown));
        }
        return result;
    }

    private static Map<Integer, TreeSet<Integer>> links(List<FormLink> links) {
        return links.stream().collect(Collectors.groupingBy(FormLink::campaignId,
                Collectors.mapping(FormLink::formId, Collectors.toCollection(TreeSet::new))));
    }

    private static <T> Map<Integer, T> byId(List<T> rows, Function<T, Integer> id) {
        Map<Integer, T> map = new HashMap<>();
        rows.forEach(row -> map.putIfAbsent(id.apply(row), row));
        return map;
    }
}
