package org.dialerd.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dialerd.core.store.StoreException;
import org.junit.jupiter.api.Test;

class IdAllocatorTest {
    /** dialerd_id_block in memory: next_id per table. */
    static final class Blocks implements IdAllocator.BlockSource {
        final Map<IdTable, Long> next = new EnumMap<>(IdTable.class);
        boolean down;

        @Override
        public synchronized long reserve(IdTable table, int count) {
            if (down) {
                throw new StoreException("database down", null);
            }
            long first = next.getOrDefault(table, 1L);
            next.put(table, first + count);
            return first;
        }
    }

    private final Blocks blocks = new Blocks();
    private final List<JournalRecord> journal = new ArrayList<>();
    private final List<Runnable> refills = new ArrayList<>();

    private IdAllocator allocator(int blockSize) {
        return new IdAllocator(blocks, blockSize, refills::add, journal::add).start();
    }

    private void runRefills() {
        List<Runnable> now = new ArrayList<>(refills);
        refills.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void idsComeFromReservedBlocksAndEachReservationIsJournalled() {
        IdAllocator ids = allocator(10);
        assertEquals(1, ids.next(IdTable.AUDIT));
        assertEquals(2, ids.next(IdTable.AUDIT));
        assertEquals(1, ids.next(IdTable.CALL_ENTRY), "each table has its own blocks");
        assertEquals(new JournalRecord.IdsReserved(IdTable.AUDIT, 1, 10), journal.get(0));
        assertEquals(IdTable.values().length, journal.size());
    }

    @Test
    void aSpareBlockIsReservedInTheBackgroundAtHalfUse() {
        IdAllocator ids = allocator(10);
        blocks.reserve(IdTable.AUDIT, 100); // another host took 11..110
        for (int i = 1; i <= 6; i++) {
            ids.next(IdTable.AUDIT);
        }
        runRefills();
        assertEquals(new JournalRecord.IdsReserved(IdTable.AUDIT, 111, 120), journal.get(journal.size() - 1));
        List<Long> rest = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rest.add(ids.next(IdTable.AUDIT));
        }
        assertEquals(List.of(7L, 8L, 9L, 10L, 111L, 112L), rest);
    }

    @Test
    void withoutTheDatabaseTheBlocksLastAndThenFailClearly() {
        IdAllocator ids = allocator(10);
        blocks.down = true;
        for (int i = 0; i < 10; i++) {
            ids.next(IdTable.CALL_PROGRESS_LOG);
            runRefills();
        }
        var e = assertThrows(IdAllocator.IdsExhaustedException.class, () -> ids.next(IdTable.CALL_PROGRESS_LOG));
        assertEquals("no call_progress_log ids left: the database has been unreachable for 20 rows"
                + " (raise journal.id_block)", e.getMessage());
        blocks.down = false;
        runRefills();
    }
}
