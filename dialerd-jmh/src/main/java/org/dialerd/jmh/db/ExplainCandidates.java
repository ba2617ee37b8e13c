package org.dialerd.jmh.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.List;
import org.dialerd.db.store.JdbcOutgoingCallStore;

/**
 * Prints the plans of the dialer's candidate queries on {@link MillionCalls}, as docs/benchmarks.md
 * shows them: {@code java -cp dialerd-jmh/target/benchmarks.jar org.dialerd.jmh.db.ExplainCandidates}.
 * Each query runs with its parameters bound as the dialer binds them (campaign 1, with 10 %
 * windowed calls, campaign 2, with none, and campaign 3, with 1 %; its retries, 200 rows; the
 * dialer's now at noon, when campaign 1's windows are open, at 22:00, when they are closed, and at
 * noon six days later, when one of its seven windows is open, a seventh of its windowed calls):
 * EXPLAIN FORMAT=JSON, then ANALYZE FORMAT=JSON (the real row counts and times) of the third run,
 * the pages warm.
 */
public final class ExplainCandidates {
    private ExplainCandidates() {
    }

    private static String plan(Connection c, String how, JdbcOutgoingCallStore.BoundQuery query, int campaign,
                               LocalDateTime now) throws Exception {
        try (PreparedStatement p = c.prepareStatement(how + query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                p.setObject(i + 1, query.parameters().get(i));
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return "-- campaign " + campaign + ", " + query.name() + " at " + now + " " + query.parameters() + ": "
                        + how + query.sql() + "\n" + r.getString(1) + "\n";
            }
        }
    }

    public static void main(String[] args) throws Exception {
        try (MillionCalls calls = MillionCalls.open(); Connection c = calls.dataSource().getConnection()) {
            for (int campaign : new int[] {MillionCalls.CAMPAIGN, MillionCalls.NO_WINDOW_CAMPAIGN,
                    MillionCalls.SPARSE_WINDOW_CAMPAIGN}) {
                for (LocalDateTime now : List.of(CandidateQueryBenchmark.NOON, CandidateQueryBenchmark.NIGHT,
                        CandidateQueryBenchmark.NOON.plusDays(6))) {
                    for (JdbcOutgoingCallStore.BoundQuery query : JdbcOutgoingCallStore.candidateQueries(campaign,
                            MillionCalls.CAMPAIGN_RETRIES, now, 200)) {
                        System.out.println(plan(c, "EXPLAIN FORMAT=JSON ", query, campaign, now));
                        plan(c, "ANALYZE FORMAT=JSON ", query, campaign, now); // warms the pages it reads
                        plan(c, "ANALYZE FORMAT=JSON ", query, campaign, now);
                        System.out.println(plan(c, "ANALYZE FORMAT=JSON ", query, campaign, now));
                    }
                }
            }
        }
    }
}
