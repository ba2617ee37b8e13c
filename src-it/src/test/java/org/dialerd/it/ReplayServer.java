package org.dialerd.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.db.SqlScript;
import org.dialerd.db.store.JdbcStores;
import org.dialerd.db.testing.TestDatabases;
import org.dialerd.eccp.server.EccpServerSettings;
import org.dialerd.server.Dialerd;

/** dialerd on a fresh embedded database loaded with the given scripts, ECCP on a free port. */
public final class ReplayServer implements AutoCloseable {
    private final DataSource dataSource;
    private final Dialerd dialerd;

    private ReplayServer(DataSource dataSource, Dialerd dialerd) {
        this.dataSource = dataSource;
        this.dialerd = dialerd;
    }

    /** Scripts may be classpath resources ("sql/demo-data.sql") or file paths. */
    public static ReplayServer start(Clock clock, String... scripts) {
        return start(clock, EccpServerSettings.defaults().withPort(0), scripts);
    }

    public static ReplayServer start(Clock clock, EccpServerSettings settings, String... scripts) {
        DataSource dataSource = TestDatabases.fresh(scripts);
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        Dialerd dialerd = Dialerd.over(JdbcStores.over(dataSource), settings, clock, PbxGateway.disconnected(),
                resources);
        return new ReplayServer(dataSource, dialerd);
    }

    public static ReplayServer start(Path seed, Clock clock) {
        return start(clock, seed.toString());
    }

    public int port() {
        return dialerd.eccpPort();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialerd dialerd() {
        return dialerd;
    }

    /** Runs a SQL file (without its USE statements) on this server's database. */
    public void runScript(Path script) {
        try (Connection connection = dataSource.getConnection()) {
            SqlScript.fromFile(script).withoutUseStatements().runOn(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + script, e);
        }
    }

    @Override
    public void close() {
        dialerd.close();
    }
}
