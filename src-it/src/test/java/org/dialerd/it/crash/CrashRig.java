package org.dialerd.it.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.dialerd.it.Sql;
import org.dialerd.it.dialer.GroundTruth;
import org.dialerd.it.outage.OutageDatabase;
import org.dialerd.server.DemoPbx;
import org.dialerd.sim.AsteriskSimulator;
import org.dialerd.sim.Scenario;

/**
 * What a crash test needs around a dialerd process: a MariaDB server of its own (to stop), the
 * simulated Asterisk in this JVM on virtual time the test advances, and the configuration file
 * the dialerd processes read (that database, that AMI port, one journal and data directory for
 * every run, so a restarted process replays what the killed one left). The PBX's own events
 * of the outgoing campaign are the ground truth ({@link #truth()}).
 *
 * <p>The demo data's agents are split so that incoming and outgoing traffic do not compete:
 * SIP/1001, SIP/1002 and Agent/9000 take incoming calls (queue 8001), SIP/1003 the campaign's
 * (queue 8000). Campaign customers ({@code Local/<phone>@customers}, numbers 556151–556200)
 * answer after 1 s and talk 151–200 s.
 */
final class CrashRig implements AutoCloseable {
    /** Campaign 1 of the demo data: 50 numbers, 2 tries each. */
    static final int CAMPAIGN = 1;
    static final int TRIES = 2;
    /**
     * dialer.llamada_corta, set to 0 (no call is short): the child dialerd measures talk time on
     * its real clock while the PBX runs on the test's virtual one, so the two never agree on a
     * duration. The records compared are the statuses and the progress rows, not durations.
     */
    static final int SHORT_CALL_SECONDS = 0;
    private static final String CUSTOMERS = "customers";

    private final OutageDatabase db;
    private final AsteriskSimulator simulator;
    private final Path config;
    private final GroundTruth truth;
    /** The demo data's own progress rows (of calls finished long ago) end here. */
    private final long progressBefore;

    private CrashRig(OutageDatabase db, AsteriskSimulator simulator, Path config, GroundTruth truth) {
        this.progressBefore = Long.parseLong(Sql.value(db.check(), "SELECT COALESCE(MAX(id), 0) FROM call_progress_log"));
        this.db = db;
        this.simulator = simulator;
        this.config = config;
        this.truth = truth;
    }

    static CrashRig start(String name) throws Exception {
        OutageDatabase db = OutageDatabase.start(name);
        AsteriskSimulator simulator = null;
        try {
            DataSource check = db.check();
            Sql.update(check, "UPDATE valor_config SET config_value = ? WHERE config_key = 'dialer.llamada_corta'",
                    String.valueOf(SHORT_CALL_SECONDS));
            // The recorded dialplan's 556XXX customers answer after 1 s and talk XXX s: 151 s and more,
            // so the campaign's first call is still up when the test kills dialerd.
            Sql.update(check, "UPDATE calls SET phone = CONCAT('556', 150 + id) WHERE id_campaign = ?", CAMPAIGN);
            // Incoming agents in 8001 only, the campaign's agent in 8000 only.
            Sql.update(check, "DELETE FROM dialerd_queue_member WHERE queue = '8000' AND id_agent <> 8");
            Sql.update(check, "DELETE FROM dialerd_queue_member WHERE queue = '8001' AND id_agent = 8");
            List<String> phones = Sql.rows(check, "SELECT phone FROM calls WHERE id_campaign = ? ORDER BY id",
                    CAMPAIGN);
            GroundTruth truth = new GroundTruth(phones, CUSTOMERS, TRIES, SHORT_CALL_SECONDS);
            Scenario scenario = Scenario.recorded().epoch(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            DemoPbx.addCampaignContext(scenario);
            simulator = AsteriskSimulator.start(scenario, 0);
            simulator.onEvent(truth);
            // queues.conf: the static agent is a member of the incoming queue.
            simulator.withPbx(pbx -> pbx.queues().add("8001", "Local/9000@agent-request", "Agent 9000",
                    "Agent:9000", 0, false, ""));
            Path config = writeConfig(db, simulator.port());
            return new CrashRig(db, simulator, config, truth);
        } catch (Exception | Error e) {
            if (simulator != null) {
                simulator.close();
            }
            db.close();
            throw e;
        }
    }

    private static Path writeConfig(OutageDatabase db, int amiPort) {
        Path dir = db.directory().resolveSibling(db.directory().getFileName() + "-dialerd");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("dialerd.conf");
            Files.writeString(file, String.join("\n",
                    "[database]",
                    "dbhost = 127.0.0.1:" + db.port(),
                    "dbuser = root",
                    "pool_size = 4",
                    "[asterisk]",
                    "host = 127.0.0.1",
                    "port = " + amiPort,
                    "user = " + Scenario.DEFAULT_USER,
                    "secret = " + Scenario.DEFAULT_SECRET,
                    "[agents]",
                    "dial_template = Local/{ext}@agents",
                    "[dialer]",
                    "dial_template = Local/{phone}@" + CUSTOMERS,
                    "[freepbx]",
                    "amportal_conf = \"\"",
                    "[dialerd]",
                    "data_dir = " + dir.resolve("data"),
                    "[journal]",
                    "dir = " + dir.resolve("journal"),
                    ""));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dialerd configuration", e);
        }
    }

    /** A dialerd process on this rig's configuration, started and answering ECCP. */
    DialerdProcess dialerd(String name, ProcessLogs logs) {
        return DialerdProcess.start(name, config, logs);
    }

    /** Started, not waited for. */
    DialerdProcess launch(String name, ProcessLogs logs) {
        return DialerdProcess.launch(name, config, logs);
    }

    long progressBefore() {
        return progressBefore;
    }

    OutageDatabase db() {
        return db;
    }

    DataSource check() {
        return db.check();
    }

    AsteriskSimulator simulator() {
        return simulator;
    }

    GroundTruth truth() {
        return truth;
    }

    String value(String sql, Object... parameters) {
        return Sql.value(db.check(), sql, parameters);
    }

    List<String> rows(String sql, Object... parameters) {
        return Sql.rows(db.check(), sql, parameters);
    }

    @Override
    public void close() {
        simulator.close();
        db.close();
    }
}
