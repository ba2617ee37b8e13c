package org.dialerd.core.store.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.CallStore.FormField;
import org.dialerd.core.store.CampaignStore;
import org.dialerd.core.store.CampaignStore.Campaign;
import org.dialerd.core.store.CampaignStore.CampaignQuery;
import org.dialerd.core.store.CampaignStore.CampaignSummary;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.Form;
import org.dialerd.core.store.CampaignStore.Page;
import org.dialerd.core.store.reference.ReferenceRows.FormLink;
import org.dialerd.core.store.reference.ReferenceRows.FormRow;
import org.dialerd.core.store.reference.ReferenceRows.IncomingCampaignRow;
import org.dialerd.core.store.reference.ReferenceRows.QueueRow;
import org.dialerd.core.store.reference.ReferenceRows.UrlRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachedCampaignStoreTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);

    private final FakeReferenceSource source = new FakeReferenceSource();
    private final ReferenceData data = new ReferenceData(source);
    private final DatabaseCalls database = new DatabaseCalls();
    private final CampaignStore campaigns = new CachedCampaignStore(data, database);

    /** Records what reached the database store. */
    static final class DatabaseCalls implements CampaignStore {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<CampaignSummary> findCampaigns(CampaignQuery query) {
            calls.add("findCampaigns " + query.nameContains().orElse(""));
            return List.of();
        }

        @Override
        public List<IncomingQueue> findIncomingQueues(Page page) {
            calls.add("findIncomingQueues");
            return List.of();
        }

        @Override
        public Optional<String> findQueueScript(String queue) {
            calls.add("findQueueScript");
            return Optional.empty();
        }

        @Override
        public Optional<Campaign> findCampaign(CampaignType type, long id) {
            calls.add("findCampaign");
            return Optional.empty();
        }

        @Override
        public QueueWait queueWait(CampaignType type, long campaignId) {
            calls.add("queueWait");
            return new QueueWait(List.of(), 0);
        }
    }

    @BeforeEach
    void rows() {
        source.outgoing.add(FakeReferenceSource.outgoing(2, "Cobranza", "I", MAR));
        source.outgoing.add(FakeReferenceSource.outgoing(1, "Ventas enero", "A", JAN));
        source.incoming.add(FakeReferenceSource.incoming(1, "Soporte", 10, "A", JAN));
        source.incoming.add(new IncomingCampaignRow(3, "Reclamos", 11, Optional.of(7), MAR, MAR, null, null, "A", "",
                Optional.of(5)));
        source.incoming.add(FakeReferenceSource.incoming(4, "Sin cola", 99, "A", JAN));
        source.queues.add(new QueueRow(11, Optional.of("8050"), "A", Optional.of("new")));
        source.queues.add(new QueueRow(10, Optional.of("8050"), "I", Optional.of("old")));
        source.queues.add(new QueueRow(12, Optional.empty(), "A", Optional.empty()));
        source.urls.add(new UrlRow(5, "http://crm/{id}", true, "iframe"));
        source.forms.add(new FormRow(2, "Encuesta", "desc", "A"));
        source.forms.add(new FormRow(3, "Vacío", "", "A"));
        source.fields.add(new FormField(21, 2, "Edad", "", "TEXT", 2));
        source.fields.add(new FormField(20, 2, "Nombre", "", "TEXT", 1));
        source.fields.add(new FormField(70, 7, "Motivo", "a,b", "LIST", 1));
        source.incomingForms.add(new FormLink(3, 3));
        source.incomingForms.add(new FormLink(3, 2));
        data.refresh();
    }

    private static CampaignQuery query(Optional<String> name, Optional<String> status, Optional<String> from,
                                       Optional<String> before, Page page) {
        return new CampaignQuery(EnumSet.allOf(CampaignType.class), name, status, from, before, page);
    }

    private List<String> listed(CampaignQuery query) {
        return campaigns.findCampaigns(query).stream().map(c -> c.type().name().charAt(0) + "" + c.id()).toList();
    }

    @Test
    void listsIncomingBeforeOutgoingEachByIdAndPagesAcrossBoth() {
        Optional<String> none = Optional.empty();
        assertEquals(List.of("I1", "I3", "I4", "O1", "O2"), listed(query(none, none, none, none, Page.ALL)));
        assertEquals(List.of("I4", "O1"), listed(query(none, none, none, none, Page.of(2, 2))));
        assertEquals(List.of(), listed(query(none, none, none, none, Page.of(9, Long.MAX_VALUE))));
        assertEquals(List.of(), database.calls);
    }

    @Test
    void filtersByNameIgnoringCaseByStatusAndByStartDate() {
        Optional<String> none = Optional.empty();
        assertEquals(List.of("O1"), listed(query(Optional.of("VENTAS"), none, none, none, Page.ALL)));
        assertEquals(List.of("O2"), listed(query(none, Optional.of("I"), none, none, Page.ALL)));
        assertEquals(List.of("I3", "O2"), listed(query(none, none, Optional.of("2026-02-01"), none, Page.ALL)));
        assertEquals(List.of("I1", "I4", "O1"),
                listed(query(none, none, none, Optional.of("2026-03-01"), Page.ALL)), "the end date is exclusive");
        assertEquals(List.of(), database.calls);
    }

    @Test
    void filtersWhoseSqlMeaningIsNotReproducedGoToTheDatabase() {
        Optional<String> none = Optional.empty();
        campaigns.findCampaigns(query(Optional.of("Ven_as"), none, none, none, Page.ALL));
        campaigns.findCampaigns(query(Optional.of("año"), none, none, none, Page.ALL));
        campaigns.findCampaigns(query(none, none, Optional.of("2026-02-30"), none, Page.ALL));
        assertEquals(List.of("findCampaigns Ven_as", "findCampaigns año", "findCampaigns "), database.calls);
    }

    @Test
    void anIncomingCampaignHasItsLinkedFormsByIdThenTheLegacyFormLeavingOutFormsWithoutFields() {
        Campaign campaign = campaigns.findCampaign(CampaignType.INCOMING, 3).orElseThrow();
        assertEquals(List.of(2, 7), campaign.forms().stream().map(Form::id).toList());
        Form survey = campaign.forms().get(0);
        assertEquals(List.of("Nombre", "Edad"), survey.fields().stream().map(CampaignStore.FormField::label).toList());
        assertEquals(new Form(7, "", "", "", campaign.forms().get(1).fields()), campaign.forms().get(1),
                "a form row that is missing gives empty strings");
        assertEquals(Optional.of("8050"), campaign.queue());
        assertEquals("http://crm/{id}", campaign.url().orElseThrow().template());
    }

    @Test
    void anIncomingCampaignWhoseQueueRowIsGoneIsNotFound() {
        assertTrue(campaigns.findCampaign(CampaignType.INCOMING, 4).isEmpty());
        assertTrue(campaigns.findCampaign(CampaignType.OUTGOING, 99).isEmpty());
        assertEquals(List.of(), database.calls, "answered from memory");
    }

    @Test
    void theQueueScriptPrefersTheActiveRow() {
        assertEquals(Optional.of("new"), campaigns.findQueueScript("8050"));
        assertEquals(Optional.empty(), campaigns.findQueueScript("8051"));
        assertEquals(List.of(10, 11, 12), campaigns.findIncomingQueues(Page.ALL).stream()
                .map(CampaignStore.IncomingQueue::id).toList(), "by id");
        assertEquals(Optional.empty(), campaigns.findIncomingQueues(Page.ALL).get(2).queue());
    }

    @Test
    void queueWaitCountsCallsAndSoAlwaysReadsTheDatabase() {
        campaigns.queueWait(CampaignType.OUTGOING, 1);
        assertEquals(List.of("queueWait"), database.calls);
    }
}
