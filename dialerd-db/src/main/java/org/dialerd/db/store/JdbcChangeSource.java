package org.dialerd.db.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dialerd.core.store.answers.AnswerCache;
import org.dialerd.core.store.answers.ChangeSource;
import org.dialerd.core.store.answers.TableStamp;

/**
 * The answer cache's change check: one statement, no row of the tables read. Per table InnoDB's
 * commit time ({@code information_schema.TABLES.UPDATE_TIME}: kept in memory by the server, set
 * when a transaction that changed the table commits, to the second that transaction started) and
 * whether it is recent; and, for the tables the web UI inserts into (calls and their attributes
 * by CSV upload, contacts), the highest id, which moves when a long upload commits; and how many
 * open transactions have modified rows ({@code information_schema.INNODB_TRX}, which needs the
 * PROCESS privilege): UPDATE_TIME takes the second a transaction started, so a long transaction
 * that started in the same second as an earlier commit would not move it when it commits; while
 * such a writer is open every check counts as a change, and its end changes the count. Without
 * the privilege the check runs without that row (logged once): a web UI transaction longer than
 * about a second that edits existing rows could then show late.
 *
 * <pre>
 *   k  t              u           r  m
 *   0  calls          1764662400  0  -1         (a commit time: -1 when none since the server opened it)
 *   1  calls          -1          0  1000050    (a highest id: -1 when empty)
 *   2  (open writers) 1           0  -1         (open transactions that modified rows)
 * </pre>
 */
public final class JdbcChangeSource implements ChangeSource {
    /**
     * Every table a cached answer reads (getcallinfo, getcampaignstatus, getincomingqueuestatus,
     * getcampaignqueuewait, the reports), and the campaigns' options (the dialer's shared read,
     * {@code CampaignOptionsCache}).
     */
    static final List<String> TABLES = List.of("agent", "audit", "call_attribute", "call_entry", "calls", "campaign",
            "campaign_entry", "contact", "dialerd_campaign_options", "dialerd_queue_member", "form_data_recolected",
            "form_data_recolected_entry", "form_field", "queue_call_entry");
    /** The tables something other than dialerd inserts into in bulk. */
    static final List<String> INSERTED_BY_OTHERS = List.of("call_attribute", "calls", "contact");
    static final String SQL = sql();
    /** The pseudo-table of the open writers' count. */
    static final String OPEN_WRITERS = "(open writers)";
    static final String SQL_WITH_WRITERS = SQL + "\nUNION ALL SELECT 2, '" + OPEN_WRITERS + "', (SELECT COUNT(*) FROM "
            + "information_schema.INNODB_TRX WHERE trx_rows_modified > 0), 0, -1";
    /** MariaDB's ER_SPECIFIC_ACCESS_DENIED_ERROR: the user lacks PROCESS. */
    private static final int ACCESS_DENIED = 1227;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcChangeSource.class);

    private final Jdbc jdbc;
    private volatile boolean writersVisible = true;

    public JdbcChangeSource(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static String sql() {
        String names = TABLES.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT 0 AS k, TABLE_NAME AS t, COALESCE(UNIX_TIMESTAMP(UPDATE_TIME), -1) AS u,"
                + " COALESCE(UPDATE_TIME >= NOW() - INTERVAL " + AnswerCache.RECENT_SECONDS + " SECOND, 0) AS r,"
                + " -1 AS m FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ("
                + names + ")");
        for (String table : INSERTED_BY_OTHERS) {
            sql.append("\nUNION ALL SELECT 1, '").append(table).append("', -1, 0, COALESCE((SELECT MAX(id) FROM `")
                    .append(table).append("`), -1)");
        }
        return sql.toString();
    }

    @Override
    public List<TableStamp> stamps() {
        if (writersVisible) {
            try {
                return stamps(SQL_WITH_WRITERS);
            } catch (org.dialerd.core.store.StoreException e) {
                if (!(e.getCause() instanceof java.sql.SQLException sql) || sql.getErrorCode() != ACCESS_DENIED) {
                    throw e;
                }
                writersVisible = false;
                log.warn("answer cache: the database user may not read information_schema.INNODB_TRX (PROCESS"
                        + " privilege); a web UI transaction longer than about a second that edits existing rows may"
                        + " show in getcallinfo, getcampaignstatus and the reports later than 1 s"
                        + " (GRANT PROCESS ON *.* TO the dialerd user to close that gap)");
            }
        }
        return stamps(SQL);
    }

    private List<TableStamp> stamps(String sql) {
        Map<String, long[]> times = new HashMap<>();
        Map<String, Long> maxIds = new HashMap<>();
        long[] writers = {-1};
        jdbc.list(sql, row -> {
            String table = row.getString("t").toLowerCase(java.util.Locale.ROOT);
            switch (row.getInt("k")) {
                case 0 -> times.put(table, new long[] {row.getLong("u"), row.getLong("r")});
                case 1 -> maxIds.put(table, row.getLong("m"));
                default -> writers[0] = row.getLong("u");
            }
            return null;
        });
        List<TableStamp> stamps = new ArrayList<>();
        for (String table : TABLES) {
            long[] time = times.getOrDefault(table, new long[] {-1, 0});
            stamps.add(new TableStamp(table, time[0], time[1] != 0, maxIds.getOrDefault(table, -1L)));
        }
        if (writers[0] >= 0) {
            stamps.add(new TableStamp(OPEN_WRITERS, writers[0], writers[0] > 0, -1));
        }
        return stamps;
    }
}
