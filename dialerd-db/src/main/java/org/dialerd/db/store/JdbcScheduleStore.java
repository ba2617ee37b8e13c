package org.dialerd.db.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.ScheduleStore;
import org.dialerd.core.store.StoreException;

/**
 * Inserts scheduled calls. The checks (original call, campaign range, duplicate) and the
 * inserts share one transaction, so two consoles scheduling the same call at once cannot
 * both pass the duplicate check unnoticed by a later reader.
 *
 * <p>The contact name replaces the value of the call's first attribute (lowest
 * {@code column_number}), as the protocol document says ("assumed to be the contact name");
 * a call without attributes gets it as attribute 1 labelled {@value #NAME_LABEL}.
 */
public final class JdbcScheduleStore implements ScheduleStore {
    static final String NAME_LABEL = "Name";

    private static final String ORIGINAL_PHONE = "SELECT phone FROM calls WHERE id = ? AND id_campaign = ?";
    private static final String CAMPAIGN_RANGE =
            "SELECT datetime_init, datetime_end, daytime_init, daytime_end FROM campaign WHERE id = ?";
    // <=> is MariaDB's NULL-safe equality: calls without a window are duplicates of each other.
    private static final String DUPLICATE = """
            SELECT COUNT(*) FROM calls
            WHERE id_campaign = ? AND phone = ? AND scheduled = 1 AND status IS NULL
              AND date_init <=> ? AND date_end <=> ? AND time_init <=> ? AND time_end <=> ?""";
    private static final String INSERT_CALL = """
            INSERT INTO calls (id_campaign, phone, status, retries, dnc, date_init, date_end, time_init, time_end,
                               agent, scheduled)
            VALUES (?, ?, NULL, 0, 0, ?, ?, ?, ?, ?, 1)""";
    private static final String ATTRIBUTES =
            "SELECT columna, value, column_number FROM call_attribute WHERE id_call = ? ORDER BY column_number, id";
    private static final String INSERT_ATTRIBUTE =
            "INSERT INTO call_attribute (id_call, columna, value, column_number) VALUES (?, ?, ?, ?)";

    private record Attribute(String label, String value, int column) {}

    private final Jdbc jdbc;

    public JdbcScheduleStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Outcome schedule(Request request) {
        return jdbc.inTransaction(connection -> schedule(connection, request));
    }

    private static Outcome schedule(Connection connection, Request request) throws SQLException {
        List<String> original = Jdbc.list(connection, ORIGINAL_PHONE, row -> row.getString(1), request.callId(),
                request.campaignId());
        if (original.isEmpty()) {
            return new Outcome.CallNotFound();
        }
        if (!withinCampaign(connection, request)) {
            return new Outcome.OutsideCampaign();
        }
        String phone = request.phone().orElse(original.get(0));
        Optional<Window> window = request.window();
        LocalDate firstDay = window.map(Window::firstDay).orElse(null);
        LocalDate lastDay = window.map(Window::lastDay).orElse(null);
        LocalTime from = window.map(Window::from).orElse(null);
        LocalTime until = window.map(Window::until).orElse(null);
        long duplicates = Jdbc.list(connection, DUPLICATE, row -> row.getLong(1), request.campaignId(), phone,
                firstDay, lastDay, from, until).get(0);
        if (duplicates > 0) {
            return new Outcome.Duplicate();
        }
        long callId = insertCall(connection, request.campaignId(), phone, firstDay, lastDay, from, until,
                request.agent().orElse(null));
        for (Attribute attribute : attributes(connection, request)) {
            Jdbc.update(connection, INSERT_ATTRIBUTE, callId, attribute.label(), attribute.value(), attribute.column());
        }
        return new Outcome.Scheduled(callId);
    }

    /** The window's days within the campaign's days, its hours within the campaign's daily hours. */
    private static boolean withinCampaign(Connection connection, Request request) throws SQLException {
        if (request.window().isEmpty()) {
            return true;
        }
        Window window = request.window().get();
        List<Boolean> within = Jdbc.list(connection, CAMPAIGN_RANGE, row -> {
            LocalDate start = row.getObject(1, LocalDate.class);
            LocalDate end = row.getObject(2, LocalDate.class);
            LocalTime dailyStart = row.getObject(3, LocalTime.class);
            LocalTime dailyEnd = row.getObject(4, LocalTime.class);
            boolean days = !window.firstDay().isBefore(start) && !window.lastDay().isAfter(end);
            // A campaign whose hours pass midnight (end before start) is not checked by the hour.
            boolean hours = dailyEnd.isBefore(dailyStart)
                    || (!window.from().isBefore(dailyStart) && !window.until().isAfter(dailyEnd));
            return days && hours;
        }, request.campaignId());
        return !within.isEmpty() && within.get(0);
    }

    private static long insertCall(Connection connection, int campaignId, String phone, LocalDate firstDay,
                                   LocalDate lastDay, LocalTime from, LocalTime until, String agent)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CALL, Statement.RETURN_GENERATED_KEYS)) {
            Object[] parameters = {campaignId, phone, firstDay, lastDay, from, until, agent};
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new StoreException("no id for the scheduled call", null);
                }
                return keys.getLong(1);
            }
        }
    }

    /** The original call's attributes, with the contact name (if any) in the first one. */
    private static List<Attribute> attributes(Connection connection, Request request) throws SQLException {
        List<Attribute> attributes = new ArrayList<>(Jdbc.list(connection, ATTRIBUTES,
                row -> new Attribute(row.getString(1), row.getString(2), row.getInt(3)), request.callId()));
        request.contactName().ifPresent(name -> {
            if (attributes.isEmpty()) {
                attributes.add(new Attribute(NAME_LABEL, name, 1));
            } else {
                Attribute first = attributes.get(0);
                attributes.set(0, new Attribute(first.label(), name, first.column()));
            }
        });
        return attributes;
    }
}
