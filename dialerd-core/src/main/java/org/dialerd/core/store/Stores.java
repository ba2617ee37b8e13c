package org.dialerd.core.store;

import java.util.Objects;

/** Every repository the engine and the request handlers use, wired by dialerd-server. */
public record Stores(ClientStore clients, AgentStore agents, BreakStore breaks,
                     CampaignStore campaigns, CallStore calls, ReportStore reports,
                     SettingsStore settings, AuditStore audit,
                     IncomingCallStore incomingCalls, CampaignStatusStore campaignStatus,
                     OutgoingCallStore outgoingCalls, ScheduleStore schedules,
                     RecordingStore recordings) {
    public Stores {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(breaks, "breaks");
        Objects.requireNonNull(campaigns, "campaigns");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(incomingCalls, "incomingCalls");
        Objects.requireNonNull(campaignStatus, "campaignStatus");
        Objects.requireNonNull(outgoingCalls, "outgoingCalls");
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(recordings, "recordings");
    }
}
