package org.dialerd.db.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.journal.IdTable;
import org.dialerd.core.store.IncomingCallStore;
import org.dialerd.core.store.TakeoverScope;

/** The monitored incoming queues ({@code queue_call_entry}) and their active campaigns. */
public final class JdbcIncomingCallStore implements IncomingCallStore {
    private final Jdbc jdbc;

    public JdbcIncomingCallStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UnfinishedCall> unfinishedCalls(TakeoverScope scope) {
        return jdbc.list("SELECT e.id, e.id_queue_call_entry, q.queue, e.id_campaign, e.callerid, e.trunk, e.uniqueid, "
                + "e.datetime_entry_queue, e.datetime_init, e.id_agent FROM call_entry e "
                + "JOIN queue_call_entry q ON q.id = e.id_queue_call_entry WHERE e.datetime_end IS NULL "
                + "AND e.status IN ('en-cola', 'activa', 'hold') AND "
                + OwnedRows.condition(IdTable.CALL_ENTRY, "e.id", scope) + " ORDER BY e.id",
                row -> new UnfinishedCall(row.getLong("id"), row.getInt("id_queue_call_entry"), row.getString("queue"),
                        Jdbc.nullableInt(row, "id_campaign"), row.getString("callerid"), row.getString("trunk"),
                        row.getString("uniqueid"), row.getObject("datetime_entry_queue", LocalDateTime.class),
                        row.getObject("datetime_init", LocalDateTime.class), Jdbc.nullableInt(row, "id_agent")), scope.hostId());
    }

    @Override
    public List<MonitoredQueue> monitoredQueues() {
        record Row(int queueId, String queue, Integer campaignId, LocalDate start, LocalDate end, LocalTime from,
                   LocalTime to) {}
        List<Row> rows = jdbc.list("SELECT q.id, q.queue, c.id AS cid, c.datetime_init, c.datetime_end, "
                + "c.daytime_init, c.daytime_end FROM queue_call_entry q LEFT JOIN campaign_entry c "
                + "ON c.id_queue_call_entry = q.id AND c.estatus = 'A' WHERE q.estatus = 'A' ORDER BY q.id, c.id",
                row -> new Row(row.getInt("id"), row.getString("queue"), Jdbc.nullableInt(row, "cid"),
                        row.getObject("datetime_init", LocalDate.class), row.getObject("datetime_end", LocalDate.class),
                        row.getObject("daytime_init", LocalTime.class), row.getObject("daytime_end", LocalTime.class)));
        Map<Integer, MonitoredQueue> queues = new LinkedHashMap<>();
        Map<Integer, List<IncomingCampaign>> campaigns = new LinkedHashMap<>();
        for (Row row : rows) {
            campaigns.computeIfAbsent(row.queueId(), id -> new ArrayList<>());
            if (row.campaignId() != null) {
                campaigns.get(row.queueId()).add(new IncomingCampaign(row.campaignId(), row.start(), row.end(),
                        row.from(), row.to()));
            }
            queues.putIfAbsent(row.queueId(), new MonitoredQueue(row.queueId(), row.queue(), List.of()));
        }
        List<MonitoredQueue> result = new ArrayList<>();
        queues.forEach((id, q) -> result.add(new MonitoredQueue(id, q.queue(), campaigns.get(id))));
        return result;
    }
}
