package org.dialerd.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentType;
import org.junit.jupiter.api.Test;

class ReferenceCacheTest {
    private static final Agent SIP_1001 = new Agent(6, AgentType.SIP, "1001", "SIP 1001", true, Optional.of("demo"));
    private static final BreakStore.Break LUNCH = new BreakStore.Break(2, "Lunch", "Lunch break", true, 'B');

    /** A database that can go away. */
    static final class Database implements AgentStore, BreakStore {
        boolean down;
        List<Agent> agents = List.of(SIP_1001);
        List<Break> breaks = List.of(LUNCH);

        private void check() {
            if (down) {
                throw new StoreException("database down", null);
            }
        }

        @Override
        public List<Agent> findAll() {
            check();
            return agents;
        }

        @Override
        public Optional<Agent> findByChannel(String type, String number) {
            check();
            return agents.stream().filter(a -> a.channel().equals(type + "/" + number)).findFirst();
        }

        @Override
        public List<Break> findByTipo(char tipo) {
            check();
            return breaks;
        }
    }

    private final Database database = new Database();
    private final ReferenceCache cache = new ReferenceCache(database, database);

    @Test
    void whileTheDatabaseIsDownTheLastRowsReadAnswer() {
        cache.findAll();
        cache.findByTipo('B');
        database.down = true;
        assertEquals(Optional.of(SIP_1001), cache.findByChannel("SIP", "1001"));
        assertEquals(List.of(LUNCH), cache.findByTipo('B'));
        assertEquals(List.of(SIP_1001), cache.findAll());
    }

    @Test
    void theDatabaseAnswersWheneverItCanSoEditsAreSeen() {
        cache.findByTipo('B');
        BreakStore.Break meeting = new BreakStore.Break(4, "Meeting", "Meeting", true, 'B');
        database.breaks = List.of(LUNCH, meeting);
        assertEquals(List.of(LUNCH, meeting), cache.findByTipo('B'));
        database.down = true;
        assertEquals(List.of(LUNCH, meeting), cache.findByTipo('B'));
    }

    @Test
    void whatWasNeverReadStillFailsWithTheDatabasesError() {
        database.down = true;
        StoreException e = assertThrows(StoreException.class, () -> cache.findByTipo('B'));
        assertEquals("database down", e.getMessage());
        assertThrows(StoreException.class, () -> cache.findByChannel("SIP", "1001"), "never a guess");
    }

}
