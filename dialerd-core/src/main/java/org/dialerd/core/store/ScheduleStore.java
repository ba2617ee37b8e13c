package org.dialerd.core.store;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Scheduled calls (schedulecall): a new {@code calls} row of an outgoing campaign, made from
 * a call an agent is on, with its {@code call_attribute} rows copied.
 */
public interface ScheduleStore {

    /** When the new call may be placed: these days, between these times of day. */
    record Window(LocalDate firstDay, LocalDate lastDay, LocalTime from, LocalTime until) {}

    /**
     * The call to schedule.
     *
     * @param campaignId  the campaign of the original call, and of the new one
     * @param callId      the original call ({@code calls.id})
     * @param phone       the number to dial instead of the original call's, if any
     * @param window      the schedule; empty: any time within the campaign's hours
     * @param agent       the agent ({@code Agent/9000}) the call must go to, if any
     * @param contactName replaces the value of the call's name attribute, if any
     */
    record Request(int campaignId, long callId, Optional<String> phone, Optional<Window> window,
                   Optional<String> agent, Optional<String> contactName) {}

    /** What became of a request. */
    sealed interface Outcome {
        /** The new calls row. */
        record Scheduled(long callId) implements Outcome {}

        /** The original call is not (or no longer) in the campaign. */
        record CallNotFound() implements Outcome {}

        /** The window's days or hours are not within the campaign's. */
        record OutsideCampaign() implements Outcome {}

        /** The same campaign already waits to dial the same number in the same window. */
        record Duplicate() implements Outcome {}
    }

    /** Checks and inserts in one transaction: the new call and all its attributes, or nothing. */
    Outcome schedule(Request request);
}
