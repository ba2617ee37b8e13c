package org.dialerd.core.engine;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dialerd.core.dialer.CallStatus;
import org.dialerd.core.dialer.CandidateCall;
import org.dialerd.core.journal.JournalRecord;
import org.dialerd.core.store.OutgoingCallStore;

/**
 * One outgoing campaign and its calls in memory, kept from the engine's journal records as the
 * applier would write them, with the progress log checked as it is written: every attempt opens with Placing and ends with exactly
 * one final status, nothing is logged for an attempt that is not open. Dialable calls are kept
 * ordered (fewer retries first), so reading candidates stays cheap for large campaigns.
 */
final class MemoryOutgoingCalls implements OutgoingCallStore {
    static final Set<String> FINAL = Set.of("Failure", "NoAnswer", "Abandoned", "Hangup");

    static final class Call {
        final long id;
        final String phone;
        String status;
        long retries;
        String uniqueId;
        int failureCause;
        String failureText;
        Integer agentId;

        Call(long id, String phone) {
            this.id = id;
            this.phone = phone;
        }
    }

    private final Campaign campaign;
    private final Map<Long, Call> calls = new HashMap<>();
    private final TreeSet<Call> dialable = new TreeSet<>(Comparator.<Call>comparingLong(c -> c.retries)
            .thenComparingLong(c -> c.id));
    /** callId → the statuses of its attempt in flight. */
    private final Map<Long, List<String>> open = new HashMap<>();
    private final Map<String, Long> logged = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private String campaignStatus = "A";
    /** dialerd_campaign_options as the web UI would set them. */
    volatile Map<Integer, org.dialerd.core.dialer.CampaignOptions> options = Map.of();

    MemoryOutgoingCalls(int maxChannels, int retries, int callCount) {
        campaign = new Campaign(1, "Soak", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), LocalTime.MIDNIGHT,
                LocalTime.of(23, 59, 59), retries, null, "from-internal", "8000", maxChannels, null, null, null, "A");
        for (long id = 1; id <= callCount; id++) {
            Call call = new Call(id, String.valueOf(5_550_000 + id));
            calls.put(id, call);
            dialable.add(call);
        }
    }

    @Override
    public Map<Integer, org.dialerd.core.dialer.CampaignOptions> campaignOptions() {
        return options;
    }

    @Override
    public synchronized List<Campaign> activeCampaigns() {
        return "A".equals(campaignStatus) ? List.of(campaign) : List.of();
    }

    @Override
    public synchronized List<CandidateCall> candidates(int campaignId, int retries, LocalDateTime now, int limit) {
        List<CandidateCall> out = new ArrayList<>(limit);
        for (Call call : dialable) {
            if (out.size() == limit || call.retries >= retries) {
                break;
            }
            out.add(new CandidateCall(call.id, call.phone, call.status, call.retries, false, false,
                    org.dialerd.core.dialer.CallWindow.NONE));
        }
        return out;
    }

    /** Its calls have no window: none opens later. */
    @Override
    public List<CandidateCall> laterCandidates(int campaignId, int retries, LocalDateTime now, int limit) {
        return List.of();
    }

    @Override
    public List<ScheduledCall> scheduledCalls(int campaignId, int retries, int limit) {
        return List.of();
    }

    @Override
    public Set<String> doNotCall() {
        return Set.of();
    }

    /** What the applier does with the records about campaign calls; other records are not ours. */
    synchronized void apply(JournalRecord record) {
        if (record instanceof JournalRecord.OutgoingPlacing r) {
            Call call = calls.get(r.callId());
            if (!dialable.remove(call)) {
                violation(r.callId(), "placed while not dialable (status " + call.status + ")");
            }
            call.status = CallStatus.PLACING.wireName();
            call.retries++;
        } else if (record instanceof JournalRecord.OutgoingAnswered r) {
            Call call = calls.get(r.callId());
            call.uniqueId = r.uniqueId();
            if ("Placing".equals(call.status)) {
                call.status = "Ringing";
            }
        } else if (record instanceof JournalRecord.OutgoingFailed r) {
            Call call = calls.get(r.callId());
            call.status = r.status();
            call.failureCause = r.cause();
            call.failureText = r.causeText();
            redialable(call);
        } else if (record instanceof JournalRecord.OutgoingQueued r) {
            calls.get(r.callId()).status = "OnQueue";
        } else if (record instanceof JournalRecord.OutgoingLinked r) {
            Call call = calls.get(r.callId());
            call.status = "Success";
            call.agentId = r.agentId();
        } else if (record instanceof JournalRecord.OutgoingEnded r) {
            calls.get(r.callId()).status = r.status();
        } else if (record instanceof JournalRecord.OutgoingAbandoned r) {
            Call call = calls.get(r.callId());
            call.status = "Abandoned";
            redialable(call);
        } else if (record instanceof JournalRecord.OutgoingSafeHarbour r) {
            calls.get(r.callId()).failureText = "SafeHarbour";
        } else if (record instanceof JournalRecord.OutgoingHeld r) {
            calls.get(r.callId()).status = r.held() ? "OnHold" : "Success";
        } else if (record instanceof JournalRecord.CampaignStatus r) {
            campaignStatus = r.status();
        } else if (record instanceof JournalRecord.Progress r && !r.incoming()) {
            progress(r.callId(), r.newStatus());
        }
    }

    private void progress(long callId, String status) {
        logged.merge(status, 1L, Long::sum);
        List<String> attempt = open.get(callId);
        if ("Placing".equals(status)) {
            if (attempt != null) {
                violation(callId, "Placing while an attempt is open: " + attempt);
            }
            open.put(callId, new ArrayList<>(List.of(status)));
        } else if (attempt == null) {
            violation(callId, status + " logged for no open attempt");
        } else {
            attempt.add(status);
            if (FINAL.contains(status)) {
                open.remove(callId);
            }
        }
    }

    private void redialable(Call call) {
        CallStatus status = CallStatus.fromWireName(call.status).orElse(null);
        if (status == null || !status.blocksRedial()) {
            dialable.add(call);
        }
    }

    private void violation(long callId, String what) {
        if (violations.size() < 100) {
            violations.add("call " + callId + ": " + what);
        }
    }

    /** A call a "previous run" left in progress, with its attempt open in the progress log. */
    synchronized void inProgress(long id, String status, String... logged) {
        Call call = calls.computeIfAbsent(id, n -> new Call(n, String.valueOf(5_550_000 + n)));
        dialable.remove(call);
        call.status = status;
        call.retries = Math.max(1, call.retries);
        open.put(id, new ArrayList<>(List.of(logged)));
    }

    /** The campaign's estatus as the web UI would set it. */
    synchronized void campaignStatus(String status) {
        campaignStatus = status;
    }

    synchronized Call call(long id) {
        return calls.get(id);
    }

    /** Attempts logged as begun and not yet ended, by call. */
    synchronized Map<Long, List<String>> openAttempts() {
        Map<Long, List<String>> copy = new HashMap<>();
        open.forEach((id, statuses) -> copy.put(id, List.copyOf(statuses)));
        return copy;
    }

    synchronized Map<String, Long> logged() {
        return new TreeMap<>(logged);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }
}
