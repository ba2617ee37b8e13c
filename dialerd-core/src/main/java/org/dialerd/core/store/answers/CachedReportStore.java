package org.dialerd.core.store.answers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.ReportStore;

/**
 * getagentactivitysummary's and getagentqueues' reads from the {@link AnswerCache}; the campaign
 * log (getcampaignlog, a range of rows that grows with every call) always reads the database.
 */
final class CachedReportStore implements ReportStore {
    private record Activity(LocalDate firstDay, LocalDate lastDay) {}

    private record Memberships(List<Integer> agentIds) {}

    private final ReportStore store;
    private final AnswerCache cache;

    CachedReportStore(ReportStore store, AnswerCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public List<LogEntry> campaignLog(LogSource source, LocalDate firstDay, LocalDate lastDay,
                                      Optional<Newest> newest) {
        return store.campaignLog(source, firstDay, lastDay, newest);
    }

    @Override
    public List<AgentActivity> agentActivity(LocalDate firstDay, LocalDate lastDay) {
        return cache.get(new Activity(firstDay, lastDay), () -> store.agentActivity(firstDay, lastDay));
    }

    @Override
    public List<QueueMembership> queueMemberships(Collection<Integer> agentIds) {
        List<Integer> ids = List.copyOf(agentIds);
        return cache.get(new Memberships(ids), () -> List.copyOf(store.queueMemberships(ids)));
    }
}
