package org.dialerd.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.dialerd.core.store.ReportStore;
import org.dialerd.core.store.ReportStore.AgentActivity;
import org.dialerd.core.store.ReportStore.IncomingCampaign;
import org.dialerd.core.store.ReportStore.IncomingQueue;
import org.dialerd.core.store.ReportStore.Interval;
import org.dialerd.core.store.ReportStore.LogEntry;
import org.dialerd.core.store.ReportStore.Newest;
import org.dialerd.core.store.ReportStore.OutgoingCampaign;
import org.dialerd.core.store.ReportStore.QueueCalls;
import org.dialerd.core.store.ReportStore.QueueMembership;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcReportStore;
import org.dialerd.db.testing.CountingDataSource;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.testdata.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report repository on the trace seed (after post-start.sql) plus a few rows of its own:
 * queue memberships, and a later hold of Agent/9001 on a day the transcripts do not read.
 */
class JdbcReportStoreIT {
    private static final LocalDate NOV_21 = LocalDate.of(2026, 11, 21);
    private static final LocalDate NOV_22 = LocalDate.of(2026, 11, 22);
    private static final LocalDate NOV_23 = LocalDate.of(2026, 11, 23);

    private static ReportStore reports;
    private static CountingDataSource counting;

    @BeforeAll
    static void load() throws SQLException {
        DataSource dataSource = TestDatabases.fresh(
                TestData.eccpTraces().resolve("seed/call_center-data.sql").toString(),
                TestData.eccpTraces().resolve("seed/post-start.sql").toString());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO dialerd_queue_member (id_agent, queue, penalty) VALUES"
                    + " (1, '8001', 0), (1, '8000', 2), (6, '8000', 0), (11, '8000', 0)");
            // Agent/9001 on Nov 23: a session, a break, then a hold (tipo H) that starts last.
            statement.executeUpdate("INSERT INTO audit (id_agent, id_break, datetime_init, datetime_end, duration)"
                    + " VALUES (2, NULL, '2026-11-23 08:00:00', '2026-11-23 09:00:00', '01:00:00'),"
                    + " (2, 3, '2026-11-23 08:10:00', '2026-11-23 08:20:00', '00:10:00'),"
                    + " (2, 1, '2026-11-23 08:30:00', '2026-11-23 08:31:00', '00:01:00')");
        }
        counting = new CountingDataSource(dataSource);
        reports = new JdbcReportStore(new Jdbc(counting.dataSource()));
    }

    @Test
    void agentActivityIsOneStatement() {
        counting.reset();
        assertEquals(false, reports.agentActivity(NOV_21, NOV_23).isEmpty());
        assertEquals(1, counting.executed().size(), counting.executed().toString());
    }

    private static List<Long> ids(List<LogEntry> entries) {
        return entries.stream().map(LogEntry::id).toList();
    }

    @Test
    void outgoingLogCoversBothDaysInIdOrder() {
        List<LogEntry> entries = reports.campaignLog(new OutgoingCampaign(1), NOV_21, NOV_22, Optional.empty());

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), ids(entries));
        assertEquals(new LogEntry(8, LocalDateTime.parse("2026-11-21T10:03:15"), "0991000001", "8000", 1L, 1001,
                "Hangup", 1L, "1795255200.101", "SIP/troncal-1", 187L, "Agent/9000"), entries.get(7));
        assertEquals(new LogEntry(9, LocalDateTime.parse("2026-11-22T08:30:00"), "0991000003", "8000", 1L, 1003,
                "Placing", 1L, null, null, null, null), entries.get(8));
    }

    @Test
    void newestEntriesComeBackInAscendingOrder() {
        assertEquals(List.of(9L, 10L, 11L), ids(reports.campaignLog(new OutgoingCampaign(1), NOV_21, NOV_22,
                Optional.of(new Newest(3, OptionalLong.empty())))));
        assertEquals(List.of(3L, 4L), ids(reports.campaignLog(new OutgoingCampaign(1), NOV_21, NOV_22,
                Optional.of(new Newest(2, OptionalLong.of(5))))));
    }

    @Test
    void zeroOrNegativeLastNSelectsNothing() {
        assertEquals(List.of(), reports.campaignLog(new OutgoingCampaign(1), NOV_21, NOV_22,
                Optional.of(new Newest(0, OptionalLong.empty()))));
        assertEquals(List.of(), reports.campaignLog(new OutgoingCampaign(1), NOV_21, NOV_22,
                Optional.of(new Newest(-1, OptionalLong.empty()))));
    }

    @Test
    void incomingQueueLogHasOnlyCallsWithoutCampaign() {
        List<LogEntry> entries = reports.campaignLog(new IncomingQueue("8001"), NOV_22, NOV_22, Optional.empty());

        assertEquals(List.of(17L, 18L), ids(entries));
        assertEquals(null, entries.get(0).campaignId());
        assertEquals("0966666666", entries.get(0).phone());
    }

    @Test
    void incomingCampaignLogIgnoresOtherDays() {
        assertEquals(List.of(12L, 13L, 14L, 15L, 16L),
                ids(reports.campaignLog(new IncomingCampaign(1), NOV_21, NOV_23, Optional.empty())));
        assertEquals(List.of(), reports.campaignLog(new IncomingCampaign(1), NOV_21, NOV_21, Optional.empty()));
    }

    @Test
    void rangeEndingBeforeItStartsSelectsNothing() {
        assertEquals(List.of(), reports.campaignLog(new OutgoingCampaign(1), NOV_22, NOV_21, Optional.empty()));
        assertTrue(reports.agentActivity(NOV_22, NOV_21).stream()
                .allMatch(agent -> agent.loginSeconds() == 0 && agent.incoming().isEmpty()
                        && agent.lastSession().isEmpty() && agent.lastPause().isEmpty()));
    }

    @Test
    void activityListsEveryActiveAgentInIdOrder() {
        List<AgentActivity> agents = reports.agentActivity(NOV_21, NOV_22);

        assertEquals(List.of("Agent/9000", "Agent/9001", "Agent/9002", "Agent/9003", "Agent/9004", "SIP/1001",
                "SIP/1002", "SIP/1003", "SIP/1004", "SIP/1005", "SIP/1006", "SIP/1007"),
                agents.stream().map(AgentActivity::agentChannel).toList());
        assertEquals("María José Muñoz", agents.get(10).name());
    }

    @Test
    void activityCountsAnsweredCallsPerQueueAndSessionTime() {
        AgentActivity agent9000 = reports.agentActivity(NOV_21, NOV_22).get(0);

        assertEquals(41400, agent9000.loginSeconds());
        assertEquals(List.of(new QueueCalls("8001", OptionalLong.of(386), 2), new QueueCalls("8002", OptionalLong.of(180), 1)),
                agent9000.incoming());
        assertEquals(List.of(new QueueCalls("8000", OptionalLong.of(192), 2)), agent9000.outgoing());
        assertEquals(Optional.of(new Interval(LocalDateTime.parse("2026-11-22T09:35:00"),
                Optional.of(LocalDateTime.parse("2026-11-22T09:40:00")))), agent9000.lastPause());
    }

    @Test
    void callWithoutDurationCountsWithoutSeconds() {
        AgentActivity agent9001 = reports.agentActivity(NOV_22, NOV_22).get(1);

        assertEquals(List.of(new QueueCalls("8001", OptionalLong.empty(), 1)), agent9001.incoming());
        assertEquals(Optional.of(new Interval(LocalDateTime.parse("2026-11-22T10:10:00"), Optional.empty())),
                agent9001.lastPause());
    }

    @Test
    void openSessionCountsNoLoginTime() {
        AgentActivity agent9002 = reports.agentActivity(NOV_22, NOV_22).get(2);

        assertEquals(0, agent9002.loginSeconds());
        assertEquals(Optional.of(new Interval(LocalDateTime.parse("2026-11-22T10:25:00"), Optional.empty())),
                agent9002.lastSession());
    }

    @Test
    void holdCountsAsTheLastPause() {
        AgentActivity agent9001 = reports.agentActivity(NOV_23, NOV_23).get(1);

        assertEquals(3600, agent9001.loginSeconds());
        assertEquals(Optional.of(new Interval(LocalDateTime.parse("2026-11-23T08:30:00"),
                Optional.of(LocalDateTime.parse("2026-11-23T08:31:00")))), agent9001.lastPause());
    }

    @Test
    void queueMembershipsAreOrderedByAgentThenQueue() {
        assertEquals(List.of(new QueueMembership(1, "8000", 2), new QueueMembership(1, "8001", 0),
                new QueueMembership(6, "8000", 0)), reports.queueMemberships(List.of(6, 1, 1, 7)));
        assertEquals(List.of(), reports.queueMemberships(List.of()));
    }
}
