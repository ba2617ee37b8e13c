package org.dialerd.core.dialer;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which calls of a campaign to dial next: the reference implementation of the candidate query
 * (the SQL in dialerd-db must return the same rows in the same order; a test can compare them).
 *
 * <p>Eligible: status NULL or not one of Success, Placing, Ringing, OnQueue, OnHold;
 * {@code retries < campaign.retries}; {@code dnc = 0}; not scheduled for an agent; and its own
 * window, when it has one, matches now. Order:
 * <ol>
 *   <li>calls with a window that matches now (they may not match later), then calls without one;</li>
 *   <li>fewer retries first (fresh numbers before second attempts);</li>
 *   <li>id, so the order is total and the SQL can reproduce it.</li>
 * </ol>
 * Walking that order, a call is skipped when its number (digits only) is on {@code dont_call},
 * is being dialled or talked to right now, or was already chosen in this round.
 */
public final class CandidatePolicy {
    public enum SkipReason { DO_NOT_CALL, DUPLICATE }

    public record Skipped(CandidateCall call, SkipReason reason) {}

    /** The calls to dial, in order, and the ones passed over on the way (for the log). */
    public record Selection(List<CandidateCall> chosen, List<Skipped> skipped) {
        public Selection {
            chosen = List.copyOf(chosen);
            skipped = List.copyOf(skipped);
        }
    }

    static final Comparator<CandidateCall> ORDER = Comparator
            .comparingInt((CandidateCall c) -> c.window().isUnbounded() ? 1 : 0)
            .thenComparingLong(CandidateCall::retries)
            .thenComparingLong(CandidateCall::id);

    private CandidatePolicy() {
    }

    /** The rules that do not depend on the clock or on other calls. */
    public static boolean isDialable(CandidateCall call, long campaignRetries) {
        boolean blocked = call.status() != null
                && CallStatus.fromWireName(call.status()).map(CallStatus::blocksRedial).orElse(false);
        return !blocked && call.retries() < campaignRetries && !call.dnc() && !call.forAgent();
    }

    /** Eligible calls in dialling order, before the do-not-call and duplicate checks. */
    public static List<CandidateCall> eligible(Collection<CandidateCall> calls, long campaignRetries,
                                               LocalDateTime now) {
        return calls.stream()
                .filter(c -> isDialable(c, campaignRetries))
                .filter(c -> c.window().isUnbounded() || c.window().matches(now))
                .sorted(ORDER)
                .toList();
    }

    /**
     * Up to {@code wanted} calls to dial now.
     *
     * @param doNotCall     {@code dont_call.caller_id} values, as stored (normalised here)
     * @param numbersInCall phones of the campaign's calls being dialled or talked to right now
     */
    public static Selection select(Collection<CandidateCall> calls, long campaignRetries, LocalDateTime now,
                                   Collection<String> doNotCall, Collection<String> numbersInCall, int wanted) {
        Set<String> banned = normalized(doNotCall);
        Set<String> taken = normalizeAll(numbersInCall); // added to below: always a fresh set
        List<CandidateCall> chosen = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (CandidateCall call : eligible(calls, campaignRetries, now)) {
            if (chosen.size() >= wanted) {
                break;
            }
            String number = PhoneNumbers.normalize(call.phone());
            if (banned.contains(number)) {
                skipped.add(new Skipped(call, SkipReason.DO_NOT_CALL));
            } else if (!number.isEmpty() && !taken.add(number)) {
                skipped.add(new Skipped(call, SkipReason.DUPLICATE));
            } else {
                chosen.add(call);
            }
        }
        return new Selection(chosen, skipped);
    }

    /**
     * True when the campaign is done ('T'): nothing in progress and no call that could be dialled
     * now or later. {@code openNow} is the campaign's read of the calls it may dial now
     * ({@code OutgoingCallStore.candidates}), {@code openLater} its read of the calls with a
     * window that is open now or opens later ({@code OutgoingCallStore.laterCandidates}): a call
     * whose window opens later today or on a later date keeps the campaign open (the reference's
     * "nothing returned now" would finish it too early); a call whose window's last moment has
     * passed ({@link CallWindow#canMatchFrom}) and a number on do-not-call do not. The caller
     * asks only when both reads were complete (fewer rows than it asked for): a full read may
     * have left out a call that keeps the campaign open.
     */
    public static boolean isFinished(Collection<CandidateCall> openNow, Collection<CandidateCall> openLater,
                                     long campaignRetries, LocalDateTime now, Collection<String> doNotCall,
                                     int callsInProgress) {
        if (callsInProgress > 0) {
            return false;
        }
        Set<String> banned = normalized(doNotCall);
        return java.util.stream.Stream.concat(openNow.stream(), openLater.stream())
                .noneMatch(c -> isDialable(c, campaignRetries) && c.window().canMatchFrom(now)
                        && !banned.contains(PhoneNumbers.normalize(c.phone())));
    }

    /** True when some call of {@code calls} may be dialled at {@code now}, its number not on do-not-call. */
    public static boolean hasCallToDialNow(Collection<CandidateCall> calls, long campaignRetries, LocalDateTime now,
                                           Collection<String> doNotCall) {
        Set<String> banned = normalized(doNotCall);
        return eligible(calls, campaignRetries, now).stream()
                .anyMatch(c -> !banned.contains(PhoneNumbers.normalize(c.phone())));
    }

    /** A {@link DoNotCallList} keeps its normalised form; anything else is normalised now. */
    private static Set<String> normalized(Collection<String> phones) {
        return phones instanceof DoNotCallList list ? list.normalized() : normalizeAll(phones);
    }

    static Set<String> normalizeAll(Collection<String> phones) {
        Set<String> out = new HashSet<>();
        for (String phone : phones) {
            String n = PhoneNumbers.normalize(phone);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }
}
