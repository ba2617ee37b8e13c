package org.dialerd.it.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.dialerd.core.store.CampaignStatusStore;
import org.dialerd.core.store.CampaignStatusStore.CallState;
import org.dialerd.core.store.CampaignStatusStore.CallSummary;
import org.dialerd.core.store.CampaignStatusStore.Durations;
import org.dialerd.core.store.CampaignStatusStore.WaitingCall;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcCampaignStatusStore;
import org.dialerd.db.testing.CountingDataSource;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.testdata.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status counts on the trace seed (the transcripts check the seed's figures byte for
 * byte) plus rows of its own for what the seed does not show: outgoing calls being dialled
 * (campaign 50) and an incoming caller waiting in queue 8001 without campaign.
 */
class JdbcCampaignStatusStoreIT {
    private static final LocalDateTime NOV_22 = LocalDateTime.of(2026, 11, 22, 0, 0);
    private static CampaignStatusStore store;
    private static CountingDataSource counting;

    @BeforeAll
    static void load() {
        DataSource dataSource = TestDatabases.fresh(
                TestData.eccpTraces().resolve("seed/call_center-data.sql").toString());
        Jdbc jdbc = new Jdbc(dataSource);
        jdbc.update("INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,"
                + " trunk, context, queue, max_canales, script, estatus) VALUES (50, 'Marcando', '2026-11-01',"
                + " '2026-12-01', '00:00:00', '23:59:59', 1, NULL, 'from-internal', '8050', 0, 'x', 'A')");
        jdbc.update("INSERT INTO calls (id, id_campaign, phone, status, datetime_originate, fecha_llamada,"
                + " datetime_entry_queue, trunk) VALUES"
                + " (5001, 50, '1065', 'Placing', '2026-11-22 10:00:00', NULL, NULL, 'SIP/t'),"
                + " (5002, 50, '1066', 'Ringing', '2026-11-22 10:00:01', '2026-11-22 10:00:05', NULL, 'SIP/t'),"
                + " (5003, 50, '1067', 'OnQueue', '2026-11-22 10:00:02', '2026-11-22 10:00:06',"
                + " '2026-11-22 10:00:07', NULL), (5004, 50, '1068', 'Hangup', '2026-11-22 10:00:03', NULL, NULL, NULL)");
        jdbc.update("INSERT INTO call_entry (id, id_queue_call_entry, callerid, status, datetime_entry_queue, trunk)"
                + " VALUES (50, 1, '0999', 'en-cola', '2026-11-22 10:30:00', 'DAHDI/4')");
        counting = new CountingDataSource(dataSource);
        store = new JdbcCampaignStatusStore(new Jdbc(counting.dataSource()));
    }

    @Test
    void eachSummaryIsOneStatement() {
        counting.reset();
        store.outgoingCampaign(50, Optional.of(NOV_22));
        store.incomingCampaign(1, Optional.empty());
        store.incomingQueue("8001", Optional.empty());
        store.outgoingCampaign(99, Optional.empty());

        assertEquals(4, counting.executed().size(), counting.executed().toString());
    }

    @Test
    void countsOutgoingCallsByStatusWithNeverDialledOnesPending() {
        CallSummary summary = store.outgoingCampaign(1, Optional.empty()).orElseThrow();
        assertEquals("8000", summary.queue());
        assertEquals(1007, summary.total());
        assertEquals(1000, summary.count(CallState.PENDING));
        assertEquals(3, summary.count(CallState.SUCCESS));
        assertEquals(1, summary.count(CallState.SHORT_CALL));
        assertEquals(new Durations(577, 300), summary.durations());
        assertEquals(List.of(), summary.waiting());
    }

    @Test
    void startDayCountsByOriginateAndDurationsByLinkStart() {
        CallSummary summary = store.outgoingCampaign(1, Optional.of(NOV_22)).orElseThrow();
        assertEquals(5, summary.total());
        assertEquals(0, summary.count(CallState.PENDING));
        assertEquals(new Durations(390, 300), summary.durations());
    }

    @Test
    void listsCallsBeingDialledAsWaitingAndCountsUnknownWordsOnlyInTheTotal() {
        CallSummary summary = store.outgoingCampaign(50, Optional.empty()).orElseThrow();
        assertEquals(4, summary.total());
        assertEquals(1, summary.count(CallState.PLACING));
        assertEquals(1, summary.count(CallState.RINGING));
        assertEquals(1, summary.count(CallState.ON_QUEUE));
        assertEquals(Durations.NONE, summary.durations());
        assertEquals(List.of(
                new WaitingCall(5001, "1065", CallState.PLACING, Optional.of(NOV_22.withHour(10)), Optional.empty(),
                        Optional.empty(), Optional.of("SIP/t")),
                new WaitingCall(5002, "1066", CallState.RINGING, Optional.of(NOV_22.withHour(10).withSecond(1)),
                        Optional.of(NOV_22.withHour(10).withSecond(5)), Optional.empty(), Optional.of("SIP/t")),
                new WaitingCall(5003, "1067", CallState.ON_QUEUE, Optional.of(NOV_22.withHour(10).withSecond(2)),
                        Optional.of(NOV_22.withHour(10).withSecond(6)), Optional.of(NOV_22.withHour(10).withSecond(7)),
                        Optional.empty())),
                summary.waiting());
    }

    @Test
    void countsIncomingCampaignWithItsQueue() {
        CallSummary summary = store.incomingCampaign(1, Optional.empty()).orElseThrow();
        assertEquals("8001", summary.queue());
        assertEquals(4, summary.total());
        assertEquals(1, summary.count(CallState.ABANDONED));
        assertEquals(2, summary.count(CallState.FINISHED));
        assertEquals(1, summary.count(CallState.LOST_TRACK));
        assertEquals(new Durations(386, 266), summary.durations());
    }

    @Test
    void queueCountsOnlyCallsWithoutCampaignAndListsItsWaitingCaller() {
        CallSummary summary = store.incomingQueue("8001", Optional.empty());
        assertEquals(3, summary.total());
        assertEquals(1, summary.count(CallState.ON_QUEUE));
        assertEquals(new Durations(60, 60), summary.durations());
        assertEquals(List.of(new WaitingCall(50, "0999", CallState.ON_QUEUE, Optional.empty(), Optional.empty(),
                Optional.of(NOV_22.withHour(10).withMinute(30)), Optional.of("DAHDI/4"))), summary.waiting());
    }

    @Test
    void unknownCampaignsAreEmptyAndUnknownQueuesHaveNoCalls() {
        assertTrue(store.outgoingCampaign(99, Optional.empty()).isEmpty());
        assertTrue(store.incomingCampaign(99, Optional.empty()).isEmpty());
        CallSummary none = store.incomingQueue("9999", Optional.empty());
        assertEquals(0, none.total());
        assertEquals(Durations.NONE, none.durations());
    }
}
