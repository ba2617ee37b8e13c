package org.dialerd.jmh.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.dialerd.db.store.JdbcOutgoingCallStore;

/**
 * Prints the plans of the dialer's candidate queries on {@link MillionCalls}, as docs/benchmarks.md
 * shows them: {@code java -cp dialerd-jmh/target/benchmarks.jar org.dialerd.jmh.db.ExplainCandidates}.
 * Each query runs with its parameters bound as the dialer binds them (campaign 1, with 10 %
 * windowed calls, campaign 2, with none, and campaign 3, with 1 %; its retries, 200 rows):
 * EXPLAIN FORMAT=JSON, then ANALYZE FORMAT=JSON (the real row counts and times) of the third run,
 * the pages warm.
 */
public final class ExplainCandidates {
    private ExplainCandidates() {
    }

    private static String plan(Connection c, String how, String sql, int campaign) throws Exception {
        try (PreparedStatement p = c.prepareStatement(how + sql)) {
            p.setInt(1, campaign);
            p.setInt(2, MillionCalls.CAMPAIGN_RETRIES);
            p.setInt(3, 200);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return "-- campaign " + campaign + ": " + how + sql + "\n" + r.getString(1) + "\n";
            }
        }
    }

    public static void main(String[] args) throws Exception {
        try (MillionCalls calls = MillionCalls.open(); Connection c = calls.dataSource().getConnection()) {
            for (int campaign : new int[] {MillionCalls.CAMPAIGN, MillionCalls.NO_WINDOW_CAMPAIGN,
                    MillionCalls.SPARSE_WINDOW_CAMPAIGN}) {
                for (String sql : JdbcOutgoingCallStore.candidateQueries()) {
                    System.out.println(plan(c, "EXPLAIN FORMAT=JSON ", sql, campaign));
                    plan(c, "ANALYZE FORMAT=JSON ", sql, campaign); // warms the pages the statement reads
                    plan(c, "ANALYZE FORMAT=JSON ", sql, campaign);
                    System.out.println(plan(c, "ANALYZE FORMAT=JSON ", sql, campaign));
                }
            }
        }
    }
}
