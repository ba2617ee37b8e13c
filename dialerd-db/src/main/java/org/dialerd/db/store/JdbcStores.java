package org.dialerd.db.store;

import javax.sql.DataSource;
import org.dialerd.core.store.Stores;

/** Builds every repository over one data source. */
public final class JdbcStores {
    private JdbcStores() {
    }

    public static Stores over(DataSource dataSource) {
        return over(dataSource, () -> { });
    }

    /** As {@link #over(DataSource)}, {@code afterWrite} run after each direct write of a store. */
    public static Stores over(DataSource dataSource, Runnable afterWrite) {
        Jdbc jdbc = new Jdbc(dataSource, afterWrite);
        return new Stores(new JdbcClientStore(jdbc), new JdbcAgentStore(jdbc), new JdbcBreakStore(jdbc),
                new JdbcCampaignStore(jdbc), new JdbcCallStore(jdbc), new JdbcReportStore(jdbc), new JdbcSettingsStore(jdbc),
                new JdbcAuditStore(jdbc), new JdbcIncomingCallStore(jdbc),
                new JdbcCampaignStatusStore(jdbc), new JdbcOutgoingCallStore(jdbc),
                new JdbcScheduleStore(jdbc),
                new JdbcRecordingStore(jdbc));
    }
}
