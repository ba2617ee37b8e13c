package org.dialerd.it.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.dialerd.core.store.reference.ReferenceData;
import org.dialerd.core.store.reference.ReferenceTable;
import org.dialerd.db.store.Jdbc;
import org.dialerd.db.store.JdbcReferenceSource;
import org.dialerd.db.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * What the 500 ms check costs on a large call center's configuration: 1,000 outgoing campaigns,
 * 1,000 agents, 200 forms with 5,000 fields. The figures are printed for docs/benchmarks.md; the
 * bounds only catch a check gone badly wrong (the build machine is shared).
 */
class ReferenceCheckCostIT {

    @Test
    void theFingerprintQueryOverThousandsOfRowsTakesMillisecondsAndAReloadReadsOneTable() {
        DataSource dataSource = TestDatabases.fresh();
        Jdbc jdbc = new Jdbc(dataSource);
        jdbc.update("INSERT INTO form (id, nombre, descripcion, estatus) SELECT seq, CONCAT('Form ', seq), 'd', 'A'"
                + " FROM seq_1_to_200");
        jdbc.update("INSERT INTO form_field (id, id_form, etiqueta, value, tipo, orden) SELECT seq, 1 + seq % 200,"
                + " CONCAT('Field ', seq), 'a,b,c', 'LIST', seq FROM seq_1_to_5000");
        jdbc.update("INSERT INTO campaign (id, name, datetime_init, datetime_end, daytime_init, daytime_end, retries,"
                + " context, queue, max_canales, script, estatus) SELECT seq, CONCAT('Campaign ', seq), '2026-01-01',"
                + " '2026-12-31', '09:00:00', '18:00:00', 2, 'from-internal', '8000', 10,"
                + " REPEAT('Script text with &aacute; entities. ', 40), 'A' FROM seq_1_to_1000");
        jdbc.update("INSERT INTO campaign_form (id_campaign, id_form) SELECT seq, 1 + seq % 200 FROM seq_1_to_1000");
        jdbc.update("INSERT INTO agent (id, type, number, name, password, estatus) SELECT seq, 'SIP', 2000 + seq,"
                + " CONCAT('Agent ', seq), 'x', 'A' FROM seq_1_to_1000");
        JdbcReferenceSource source = new JdbcReferenceSource(jdbc);
        ReferenceData data = new ReferenceData(source);
        assertEquals(EnumSet.allOf(ReferenceTable.class), data.refresh());
        long firstLoad = data.lastCheckNanos();

        List<Long> checks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            assertEquals(Set.of(), data.refresh());
            checks.add(data.lastCheckNanos() / 1000);
        }
        checks.sort(null);
        jdbc.update("UPDATE campaign SET name = 'Renamed' WHERE id = 500");
        assertEquals(Set.of(ReferenceTable.CAMPAIGN), data.refresh());
        long reload = data.lastCheckNanos();
        System.out.printf("reference check over 1,000 campaigns, 1,000 agents, 5,000 fields: unchanged median %d µs,"
                + " max %d µs; one table changed (campaign, reloaded and the snapshot rebuilt) %d µs; first load %d µs%n",
                checks.get(20), checks.get(39), reload / 1000, firstLoad / 1000);
        assertTrue(checks.get(20) < 250_000, checks.toString());
    }
}
