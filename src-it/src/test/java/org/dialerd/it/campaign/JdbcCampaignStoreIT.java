package org.dialerd.it.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;
import org.dialerd.core.store.CampaignStore;
import org.dialerd.core.store.CampaignStore.Campaign;
import org.dialerd.core.store.CampaignStore.CampaignQuery;
import org.dialerd.core.store.CampaignStore.CampaignSummary;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.Form;
import org.dialerd.core.store.CampaignStore.Page;
import org.dialerd.core.store.CampaignStore.WaitCount;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcCampaignStore;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.testdata.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The campaign repository on the trace seed plus a few rows of its own (ids from 50 up) for
 * what the seed does not show: a form without fields, a legacy form ordered after linked
 * forms, a queue number used by an inactive and an active row, NULL queue waits.
 */
class JdbcCampaignStoreIT {
    private static CampaignStore campaigns;

    @BeforeAll
    static void load() {
        campaigns = new JdbcCampaignStore(new Jdbc(seeded()));
    }

    /** The trace seed plus this test's rows (CachedCampaignStoreIT compares both stores on it). */
    static DataSource seeded() {
        DataSource dataSource = TestDatabases.fresh(
                TestData.eccpTraces().resolve("seed/call_center-data.sql").toString());
        Jdbc jdbc = new Jdbc(dataSource);
        jdbc.update("INSERT INTO form (id, nombre, descripcion, estatus) VALUES (50, 'Sin campos', 'x', 'A')");
        jdbc.update("INSERT INTO queue_call_entry (id, queue, estatus, script) VALUES (50, '8050', 'I', 'old'),"
                + " (51, '8050', 'A', 'new'), (52, NULL, 'A', NULL)");
        jdbc.update("INSERT INTO campaign_entry (id, name, id_queue_call_entry, id_form, datetime_init, datetime_end,"
                + " daytime_init, daytime_end, estatus, script) VALUES (50, 'Orden de formularios', 51, 1,"
                + " '2025-01-01', '2025-12-31', '09:30:00', '17:00:00', 'A', '')");
        jdbc.update("INSERT INTO campaign_form_entry (id_campaign, id_form) VALUES (50, 50), (50, 3), (50, 2)");
        jdbc.update("INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,"
                + " trunk, context, queue, max_canales, script, estatus) VALUES (50, 'Esperas nulas', '2025-02-01',"
                + " '2025-03-01', '00:00:00', '23:59:59', 1, '', 'from-internal', '8000', 0, 'x', 'T')");
        jdbc.update("INSERT INTO calls (id, id_campaign, phone, status, duration_wait) VALUES"
                + " (5001, 50, '1', 'Success', NULL), (5002, 50, '2', 'Success', NULL), (5003, 50, '3', 'Success', 7),"
                + " (5004, 50, '4', 'Abandoned', 3), (5005, 50, '5', 'Failure', 1)");
        return dataSource;
    }

    private static CampaignQuery all(Page page) {
        return new CampaignQuery(EnumSet.allOf(CampaignType.class), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), page);
    }

    private static List<String> ids(List<CampaignSummary> found) {
        return found.stream().map(c -> c.type().name().charAt(0) + "" + c.id()).toList();
    }

    @Test
    void listsIncomingCampaignsBeforeOutgoingAndPagesAcrossBoth() {
        assertEquals(List.of("I1", "I2", "I50", "O1", "O2", "O3", "O50"), ids(campaigns.findCampaigns(all(Page.ALL))));
        assertEquals(List.of("I50", "O1"), ids(campaigns.findCampaigns(all(Page.of(2, 2)))));
        assertEquals(List.of(), ids(campaigns.findCampaigns(all(Page.of(0, 0)))));
        assertEquals(List.of(), ids(campaigns.findCampaigns(all(Page.of(10, 2)))));
    }

    @Test
    void filtersByTypeNameStatusAndStartDate() {
        assertEquals(List.of("O2"), ids(campaigns.findCampaigns(new CampaignQuery(Set.of(CampaignType.OUTGOING),
                Optional.of("Campaña"), Optional.of("I"), Optional.empty(), Optional.empty(), Page.ALL))));
        // Both dates compare with the start date: datetime_init in [2026-01-01, 2026-10-01).
        assertEquals(List.of("I2", "O2", "O3"), ids(campaigns.findCampaigns(new CampaignQuery(
                EnumSet.allOf(CampaignType.class), Optional.empty(), Optional.empty(), Optional.of("2026-01-01"),
                Optional.of("2026-10-01"), Page.ALL))));
        assertEquals(List.of("O50"), ids(campaigns.findCampaigns(new CampaignQuery(
                EnumSet.allOf(CampaignType.class), Optional.of("nulas"), Optional.of("T"), Optional.empty(),
                Optional.empty(), Page.ALL))));
    }

    @Test
    void readsAnOutgoingCampaignWithItsUrlAndForms() {
        Campaign campaign = campaigns.findCampaign(CampaignType.OUTGOING, 2).orElseThrow();
        assertEquals("Campaña cobranza 2026", campaign.name());
        assertEquals(LocalDate.of(2026, 6, 30), campaign.endDate());
        assertEquals(LocalTime.of(8, 0), campaign.dailyStart());
        assertEquals(Optional.of("SIP/troncal-1"), campaign.dialing().orElseThrow().trunk());
        assertEquals("window", campaign.url().orElseThrow().openType());
        assertTrue(campaign.script().contains("d&iacute;as"), "stored text, decoding is the handler's job");

        Campaign bench = campaigns.findCampaign(CampaignType.OUTGOING, 1).orElseThrow();
        assertEquals(Optional.empty(), bench.dialing().orElseThrow().trunk());
        assertEquals(List.of(1, 2), bench.forms().stream().map(Form::id).toList());
        assertEquals(List.of(8, 7, 9), bench.forms().get(1).fields().stream().map(f -> f.id()).toList());
        assertEquals("", bench.forms().get(1).description());
        assertEquals(Optional.of(""), campaigns.findCampaign(CampaignType.OUTGOING, 50).orElseThrow()
                .dialing().orElseThrow().trunk());
    }

    @Test
    void incomingCampaignsAddTheLegacyFormAfterTheLinkedOnes() {
        Campaign seed = campaigns.findCampaign(CampaignType.INCOMING, 2).orElseThrow();
        assertEquals(List.of(1, 2), seed.forms().stream().map(Form::id).toList());
        assertEquals(Optional.empty(), seed.url(), "its URL is inactive");
        assertEquals(Optional.empty(), seed.dialing());
        assertEquals(Optional.of("8002"), seed.queue());

        // Linked 50 (no fields, left out), 3 (inactive, still listed) and 2; legacy 1 comes last.
        Campaign own = campaigns.findCampaign(CampaignType.INCOMING, 50).orElseThrow();
        assertEquals(List.of(2, 3, 1), own.forms().stream().map(Form::id).toList());
        assertEquals("I", own.forms().get(1).status());
    }

    @Test
    void anUnknownCampaignIsEmpty() {
        assertEquals(Optional.empty(), campaigns.findCampaign(CampaignType.OUTGOING, 99));
        assertEquals(Optional.empty(), campaigns.findCampaign(CampaignType.INCOMING, 0));
    }

    @Test
    void queueScriptPrefersTheActiveRowAndAnswersInactiveQueues() {
        assertEquals(Optional.of("new"), campaigns.findQueueScript("8050"));
        assertTrue(campaigns.findQueueScript("8002").orElseThrow().contains("&amp;"));
        assertEquals(Optional.empty(), campaigns.findQueueScript("0"));
    }

    @Test
    void listsIncomingQueuesById() {
        assertEquals(List.of(1, 2, 50, 51, 52), campaigns.findIncomingQueues(Page.ALL).stream()
                .map(CampaignStore.IncomingQueue::id).toList());
        List<CampaignStore.IncomingQueue> last = campaigns.findIncomingQueues(Page.of(4, 10));
        assertEquals(List.of(new CampaignStore.IncomingQueue(52, Optional.empty(), "A")), last);
    }

    @Test
    void groupsAnsweredCallsByWaitAndCountsAbandonedOnes() {
        CampaignStore.QueueWait outgoing = campaigns.queueWait(CampaignType.OUTGOING, 50);
        assertEquals(Set.of(new WaitCount(OptionalLong.empty(), 2), new WaitCount(OptionalLong.of(7), 1)),
                Set.copyOf(outgoing.answered()));
        assertEquals(1, outgoing.abandoned());

        CampaignStore.QueueWait incoming = campaigns.queueWait(CampaignType.INCOMING, 1);
        assertEquals(Set.of(new WaitCount(OptionalLong.of(4), 1), new WaitCount(OptionalLong.of(18), 1)),
                Set.copyOf(incoming.answered()));
        assertEquals(1, incoming.abandoned());

        assertEquals(new CampaignStore.QueueWait(List.of(), 0), campaigns.queueWait(CampaignType.OUTGOING, 99));
    }
}
