package org.dialerd.http.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialerd.ami.AmiMetrics;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentStatus;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.agent.AgentView;
import org.dialerd.core.engine.AgentService;
import org.dialerd.core.journal.WriteBacklog;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.metrics.ResyncCorrection;
import org.dialerd.http.DaemonProbes;
import org.dialerd.http.health.CachedCheck;
import org.dialerd.http.health.PbxConnectionWatch;
import org.dialerd.core.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DialerdMetersTest {
    private final DialerdMeters meters = new DialerdMeters();
    /** Nothing waiting to be written. */
    private final WriteBacklog writes = new WriteBacklog() {
        @Override
        public int pending() {
            return 0;
        }

        @Override
        public Duration oldestPendingAge() {
            return Duration.ZERO;
        }
    };

    @AfterEach
    void close() {
        meters.close();
    }

    private static AgentView agent(int id, AgentStatus status, boolean logging) {
        Agent agent = new Agent(id, AgentType.SIP, String.valueOf(1000 + id), "A" + id, true, Optional.empty());
        return AgentView.builder(agent, status).logging(logging).build();
    }

    /** An engine that only has views. */
    private static AgentService agentsWith(List<AgentView> views) {
        AgentService none = AgentService.unavailable();
        return (AgentService) Proxy.newProxyInstance(AgentService.class.getClassLoader(),
                new Class<?>[] {AgentService.class}, (proxy, method, args) -> method.getName().equals("views")
                        ? views : method.invoke(none, args));
    }

    private void watch(List<AgentView> agents) {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
        meters.watch(new DaemonProbes(PbxConnectionWatch.of(() -> true, clock),
                new CachedCheck(() -> true, Duration.ofSeconds(1), clock), writes, agentsWith(agents), () -> 3,
                () -> 2));
    }

    /** The value of one sample line, e.g. {@code dialerd_agents{state="online"}}. */
    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertTrue(m.find(), "no sample " + series + " in\n" + scrape);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void countsEccpRequestsByNameAndResultWithALatencyHistogram() {
        meters.eccp().requestAnswered("getagentstatus", "success", 2_000_000);
        meters.eccp().requestAnswered("getagentstatus", "success", 30_000_000);
        meters.eccp().requestAnswered("getagentstatus", "417", 500_000);
        meters.eccp().eventSent("agentlinked", 3);
        String scrape = meters.scrape();
        assertEquals(2, sample(scrape, "dialerd_eccp_requests_total{request=\"getagentstatus\",result=\"success\"}"));
        assertEquals(1, sample(scrape, "dialerd_eccp_requests_total{request=\"getagentstatus\",result=\"417\"}"));
        assertEquals(1, sample(scrape,
                "dialerd_eccp_request_duration_seconds_bucket{request=\"getagentstatus\",le=\"0.001\"}"));
        assertEquals(2, sample(scrape,
                "dialerd_eccp_request_duration_seconds_bucket{request=\"getagentstatus\",le=\"0.005\"}"));
        assertEquals(3, sample(scrape,
                "dialerd_eccp_request_duration_seconds_bucket{request=\"getagentstatus\",le=\"0.05\"}"));
        assertEquals(3, sample(scrape, "dialerd_eccp_request_duration_seconds_count{request=\"getagentstatus\"}"));
        assertEquals(3, sample(scrape, "dialerd_eccp_events_sent_total{event=\"agentlinked\"}"));
        assertTrue(scrape.contains("# TYPE dialerd_eccp_request_duration_seconds histogram"), scrape);
    }

    @Test
    void everyKnownRequestHasItsSeriesAtZeroBeforeTraffic() {
        meters.eccp().requestsKnown(List.of("getpauses", "unknown"));
        String scrape = meters.scrape();
        assertEquals(0, sample(scrape, "dialerd_eccp_requests_total{request=\"getpauses\",result=\"success\"}"));
        assertEquals(0, sample(scrape, "dialerd_eccp_request_duration_seconds_count{request=\"unknown\"}"));
    }

    @Test
    void followsLiveCallsByPhaseAndCountsFinishedOnesByStatus() {
        String scrape = meters.scrape();
        assertEquals(0, sample(scrape, "dialerd_calls_live{call_type=\"incoming\",phase=\"queued\"}"),
                "every phase is there from the start");
        meters.engine().callStarted("incoming", CallPhase.QUEUED);
        meters.engine().callStarted("incoming", CallPhase.QUEUED);
        meters.engine().callMoved("incoming", CallPhase.QUEUED, CallPhase.TALKING);
        meters.engine().callStarted("outgoing", CallPhase.DIALING);
        meters.engine().callFinished("outgoing", CallPhase.DIALING, "NoAnswer");
        scrape = meters.scrape();
        assertEquals(1, sample(scrape, "dialerd_calls_live{call_type=\"incoming\",phase=\"queued\"}"));
        assertEquals(1, sample(scrape, "dialerd_calls_live{call_type=\"incoming\",phase=\"talking\"}"));
        assertEquals(0, sample(scrape, "dialerd_calls_live{call_type=\"outgoing\",phase=\"dialing\"}"));
        assertEquals(1, sample(scrape, "dialerd_calls_finished_total{call_type=\"outgoing\",status=\"NoAnswer\"}"));
    }

    @Test
    void countsTheDialersRoundsDecisionsAndPlacedCalls() {
        meters.engine().dialerRound();
        meters.engine().dialDecision(1, 3);
        meters.engine().dialDecision(1, 0);
        meters.engine().callPlaced(1);
        String scrape = meters.scrape();
        assertEquals(1, sample(scrape, "dialerd_dialer_rounds_total"));
        assertEquals(2, sample(scrape, "dialerd_dialer_campaigns_evaluated_total{campaign=\"1\"}"));
        assertEquals(3, sample(scrape, "dialerd_dialer_calls_to_place_total{campaign=\"1\"}"));
        assertEquals(1, sample(scrape, "dialerd_dialer_calls_placed_total{campaign=\"1\"}"));
    }

    @Test
    void countsAmiEventsAndActions() {
        meters.ami().eventReceived("Newchannel");
        meters.ami().eventReceived("Newchannel");
        meters.ami().actionFinished("QueueAdd", AmiMetrics.Outcome.ANSWERED, 3_000_000);
        meters.ami().actionFinished("Originate", AmiMetrics.Outcome.TIMED_OUT, 30_000_000_000L);
        meters.ami().actionFinished("Originate", AmiMetrics.Outcome.FAILED, 1_000);
        String scrape = meters.scrape();
        assertEquals(2, sample(scrape, "dialerd_ami_events_received_total{type=\"Newchannel\"}"));
        assertEquals(1, sample(scrape, "dialerd_ami_action_duration_seconds_count{action=\"QueueAdd\"}"));
        assertEquals(1, sample(scrape, "dialerd_ami_action_timeouts_total{action=\"Originate\"}"));
        assertEquals(1, sample(scrape, "dialerd_ami_action_failures_total{action=\"Originate\"}"));
    }

    @Test
    void countsDroppedAmiResponsesByReasonFromZero() {
        String scrape = meters.scrape();
        assertEquals(0, sample(scrape, "dialerd_ami_responses_dropped_total{reason=\"unknown\"}"));
        assertEquals(0, sample(scrape, "dialerd_ami_responses_dropped_total{reason=\"late\"}"));
        meters.ami().responseDropped(AmiMetrics.Dropped.UNKNOWN);
        meters.ami().responseDropped(AmiMetrics.Dropped.UNKNOWN);
        meters.ami().responseDropped(AmiMetrics.Dropped.LATE);
        scrape = meters.scrape();
        assertEquals(2, sample(scrape, "dialerd_ami_responses_dropped_total{reason=\"unknown\"}"));
        assertEquals(1, sample(scrape, "dialerd_ami_responses_dropped_total{reason=\"late\"}"));
    }

    @Test
    void countsResyncRunsByTriggerAndCorrectionsByKindFromZero() {
        String scrape = meters.scrape();
        assertEquals(0, sample(scrape, "dialerd_resync_runs_total{trigger=\"periodic\"}"));
        assertEquals(0, sample(scrape, "dialerd_resync_corrections_total{kind=\"call_ended\"}"));
        meters.engine().resyncRun("connected");
        meters.engine().resyncRun("periodic");
        meters.engine().resyncRun("periodic");
        meters.engine().resyncCorrected(ResyncCorrection.CALL_ENDED, 2);
        meters.engine().resyncCorrected(ResyncCorrection.AGENT_LOGGED_OUT, 1);
        scrape = meters.scrape();
        assertEquals(1, sample(scrape, "dialerd_resync_runs_total{trigger=\"connected\"}"));
        assertEquals(2, sample(scrape, "dialerd_resync_runs_total{trigger=\"periodic\"}"));
        assertEquals(2, sample(scrape, "dialerd_resync_corrections_total{kind=\"call_ended\"}"));
        assertEquals(1, sample(scrape, "dialerd_resync_corrections_total{kind=\"agent_logged_out\"}"));
        assertEquals(0, sample(scrape, "dialerd_resync_corrections_total{kind=\"pause_corrected\"}"));
    }

    @Test
    void readsTheDaemonsStateWhenScraped() {
        watch(List.of(agent(1, AgentStatus.ONLINE, false), agent(2, AgentStatus.ONLINE, false),
                agent(3, AgentStatus.PAUSED, false), agent(4, AgentStatus.OFFLINE, true),
                agent(5, AgentStatus.OFFLINE, false), agent(6, AgentStatus.ONCALL, false)));
        String scrape = meters.scrape();
        assertEquals(2, sample(scrape, "dialerd_agents{state=\"online\"}"));
        assertEquals(1, sample(scrape, "dialerd_agents{state=\"paused\"}"));
        assertEquals(1, sample(scrape, "dialerd_agents{state=\"oncall\"}"));
        assertEquals(1, sample(scrape, "dialerd_agents{state=\"offline\"}"));
        assertEquals(1, sample(scrape, "dialerd_agents{state=\"logging\"}"));
        assertEquals(3, sample(scrape, "dialerd_eccp_sessions_open"));
        assertEquals(2, sample(scrape, "dialerd_eccp_sessions_logged_in"));
        assertEquals(0, sample(scrape, "dialerd_write_queue_depth"));
        assertEquals(0, sample(scrape, "dialerd_write_queue_oldest_write_age_seconds"));
        assertEquals(1, sample(scrape, "dialerd_database_up"));
        assertEquals(1, sample(scrape, "dialerd_ami_connected"));
    }

    @Test
    void includesTheJvmAndProcessBasics() {
        String scrape = meters.scrape();
        for (String name : List.of("jvm_memory_used_bytes{", "jvm_threads_live_threads", "jvm_gc_",
                "jvm_classes_loaded_classes", "process_uptime_seconds", "process_cpu_usage", "process_files_open_files",
                "system_cpu_count")) {
            assertTrue(scrape.contains("\n" + name), name + " missing");
        }
    }

    @Test
    void reusesItsMetersInsteadOfCreatingOnePerEvent() {
        meters.eccp().requestAnswered("getagentstatus", "success", 1);
        meters.ami().eventReceived("Hangup");
        meters.engine().callStarted("incoming", CallPhase.QUEUED);
        meters.engine().callFinished("incoming", CallPhase.QUEUED, "Abandoned");
        int count = meters.registry().getMeters().size();
        for (int i = 0; i < 1000; i++) {
            meters.eccp().requestAnswered("getagentstatus", "success", 1);
            meters.ami().eventReceived("Hangup");
            meters.engine().callStarted("incoming", CallPhase.QUEUED);
            meters.engine().callFinished("incoming", CallPhase.QUEUED, "Abandoned");
        }
        assertEquals(count, meters.registry().getMeters().size());
    }
}
