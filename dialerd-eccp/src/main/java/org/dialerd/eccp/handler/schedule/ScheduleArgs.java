package org.dialerd.eccp.handler.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.dialerd.core.store.ScheduleStore.Window;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;

/**
 * schedulecall's arguments, checked before the agent's state. A {@code campaign_type} other
 * than outgoing is the reference's top-level 400; the rest are wrapped 400s worded as the
 * protocol document words them ({@code Bad request: invalid date_init}), with our own words
 * where it is silent (order of the dates and times, sameagent without schedule, length of
 * the contact name).
 *
 * @param callId the call the client names, if any; it must be the agent's current call
 */
record ScheduleArgs(OptionalLong callId, Optional<Window> window, boolean sameAgent, Optional<String> newPhone,
                    Optional<String> newContactName) {
    static final String INCOMPLETE = "Bad request: incomplete schedule";
    static final String INVALID = "Bad request: invalid ";
    static final String DATE_END_FIRST = "Bad request: date_end before date_init";
    static final String TIME_END_FIRST = "Bad request: time_end before time_init";
    static final String IN_THE_PAST = "Bad request: date_init before current date";
    static final String SAME_AGENT_UNSCHEDULED = "Bad request: sameagent requires schedule";
    static final String INVALID_PHONE = "Bad request: invalid new phone";
    static final String INVALID_NAME = "Bad request: invalid new contact name";

    /** calls.phone is varchar(32), call_attribute.value varchar(128). */
    static final int MAX_PHONE = 32;
    static final int MAX_NAME = 128;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern PHONE = Pattern.compile("\\d{1," + MAX_PHONE + "}");

    /** Reads and checks the arguments; {@code today} is the server's date. */
    static ScheduleArgs parse(XmlElement request, LocalDate today) {
        if (!Args.optional(request, "campaign_type").orElse("outgoing").equals("outgoing")) {
            throw EccpFailure.badRequest();
        }
        OptionalLong callId = Args.optional(request, "call_id")
                .map(text -> OptionalLong.of(Args.phpInt(text))).orElse(OptionalLong.empty());
        Optional<Window> window = request.child("schedule").map(schedule -> window(schedule, today));
        // PHP's (int) cast: "1" and "2" mean yes, "0", "" and "no" mean no.
        boolean sameAgent = Args.optional(request, "sameagent").map(Args::phpInt).orElse(0L) != 0;
        if (sameAgent && window.isEmpty()) {
            throw wrapped(SAME_AGENT_UNSCHEDULED);
        }
        Optional<String> phone = Args.nonBlank(request, "newphone");
        if (phone.isPresent() && !PHONE.matcher(phone.get()).matches()) {
            throw wrapped(INVALID_PHONE);
        }
        Optional<String> name = Args.nonBlank(request, "newcontactname");
        if (name.isPresent() && name.get().length() > MAX_NAME) {
            throw wrapped(INVALID_NAME);
        }
        return new ScheduleArgs(callId, window, sameAgent, phone, name);
    }

    private static Window window(XmlElement schedule, LocalDate today) {
        for (String part : new String[] {"date_init", "date_end", "time_init", "time_end"}) {
            if (schedule.child(part).isEmpty()) {
                throw wrapped(INCOMPLETE);
            }
        }
        LocalDate firstDay = value(schedule, "date_init", DATE, LocalDate::parse);
        LocalDate lastDay = value(schedule, "date_end", DATE, LocalDate::parse);
        LocalTime from = value(schedule, "time_init", TIME, LocalTime::parse);
        LocalTime until = value(schedule, "time_end", TIME, LocalTime::parse);
        if (lastDay.isBefore(firstDay)) {
            throw wrapped(DATE_END_FIRST);
        }
        if (until.isBefore(from)) {
            throw wrapped(TIME_END_FIRST);
        }
        if (firstDay.isBefore(today)) {
            throw wrapped(IN_THE_PAST);
        }
        return new Window(firstDay, lastDay, from, until);
    }

    /** The part's text in the exact shape, and a real date or time (no 2026-02-30, no 24:00:00). */
    private static <T> T value(XmlElement schedule, String part, Pattern shape, Function<String, T> parser) {
        String text = schedule.childText(part).orElse("").trim();
        if (!shape.matcher(text).matches()) {
            throw wrapped(INVALID + part);
        }
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            throw wrapped(INVALID + part);
        }
    }

    private static EccpFailure wrapped(String message) {
        return EccpFailure.wrapped(400, message);
    }
}
