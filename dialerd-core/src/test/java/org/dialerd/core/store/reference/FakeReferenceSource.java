package org.dialerd.core.store.reference;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.store.BreakStore.Break;
import org.dialerd.core.store.CallStore.FormField;
import org.dialerd.core.store.StoreException;
import org.dialerd.core.store.reference.ReferenceRows.FormLink;
import org.dialerd.core.store.reference.ReferenceRows.FormRow;
import org.dialerd.core.store.reference.ReferenceRows.IncomingCampaignRow;
import org.dialerd.core.store.reference.ReferenceRows.OutgoingCampaignRow;
import org.dialerd.core.store.reference.ReferenceRows.QueueRow;
import org.dialerd.core.store.reference.ReferenceRows.UrlRow;

/** Tables in memory whose fingerprint is a version number the test bumps; counts the loads. */
final class FakeReferenceSource implements ReferenceSource {
    boolean down;
    final Map<ReferenceTable, Long> versions = new EnumMap<>(ReferenceTable.class);
    final List<ReferenceTable> loads = new ArrayList<>();
    int fingerprintQueries;

    List<Agent> agents = new ArrayList<>();
    List<Break> breaks = new ArrayList<>();
    List<OutgoingCampaignRow> outgoing = new ArrayList<>();
    List<IncomingCampaignRow> incoming = new ArrayList<>();
    List<QueueRow> queues = new ArrayList<>();
    List<UrlRow> urls = new ArrayList<>();
    List<FormRow> forms = new ArrayList<>();
    List<FormField> fields = new ArrayList<>();
    List<FormLink> outgoingForms = new ArrayList<>();
    List<FormLink> incomingForms = new ArrayList<>();

    FakeReferenceSource() {
        for (ReferenceTable table : ReferenceTable.values()) {
            versions.put(table, 1L);
        }
    }

    /** What an edit in the web UI does to the fingerprint. */
    void edited(ReferenceTable table) {
        versions.merge(table, 1L, Long::sum);
    }

    static OutgoingCampaignRow outgoing(int id, String name, String status, LocalDate start) {
        return new OutgoingCampaignRow(id, name, start, start.plusYears(1), LocalTime.of(9, 0), LocalTime.of(18, 0),
                "8000", 2, Optional.empty(), "from-internal", 0, status, "script " + id, Optional.empty());
    }

    static IncomingCampaignRow incoming(int id, String name, int queueId, String status, LocalDate start) {
        return new IncomingCampaignRow(id, name, queueId, Optional.empty(), start, start.plusYears(1),
                LocalTime.of(0, 0), LocalTime.of(23, 59, 59), status, "script " + id, Optional.empty());
    }

    @Override
    public Map<ReferenceTable, Fingerprint> fingerprints() {
        check();
        fingerprintQueries++;
        Map<ReferenceTable, Fingerprint> result = new EnumMap<>(ReferenceTable.class);
        versions.forEach((table, version) -> result.put(table, new Fingerprint(1, 1, version)));
        return result;
    }

    @Override
    public ReferenceRows load(ReferenceTable table, ReferenceRows rows) {
        check();
        loads.add(table);
        return switch (table) {
            case AGENT -> rows.withAgents(agents);
            case BREAK -> rows.withBreaks(breaks);
            case CAMPAIGN -> rows.withOutgoing(outgoing);
            case CAMPAIGN_ENTRY -> rows.withIncoming(incoming);
            case QUEUE_CALL_ENTRY -> rows.withQueues(queues);
            case CAMPAIGN_EXTERNAL_URL -> rows.withUrls(urls);
            case FORM -> rows.withForms(forms);
            case FORM_FIELD -> rows.withFields(fields);
            case CAMPAIGN_FORM -> rows.withOutgoingForms(outgoingForms);
            case CAMPAIGN_FORM_ENTRY -> rows.withIncomingForms(incomingForms);
        };
    }

    private void check() {
        if (down) {
            throw new StoreException("database down", null);
        }
    }
}
