package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DialerGridTest {
    @Test
    void aSubsetOfCellsAndAlgorithmsByName() {
        assertEquals(List.of(new DialerEvaluation.Cell(100, 0.15, 60), new DialerEvaluation.Cell(20, 0.9, 180)),
                DialerGrid.cells("100:0.15:60, 20:0.9:180"));
        assertEquals(List.of("predictive", "progressive"), DialerGrid.algorithms("predictive,progressive").stream()
                .map(DialerEvaluation.Algorithm::name).toList());
    }

    @Test
    void aBadSubsetSaysWhatIsExpected() {
        IllegalArgumentException cell = assertThrows(IllegalArgumentException.class, () -> DialerGrid.cells("100:0.15"));
        assertEquals("cell '100:0.15': expected agents:answer:talk, e.g. 100:0.15:60", cell.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> DialerGrid.algorithms("magic"));
        assertEquals(true, name.getMessage().startsWith("no algorithm 'magic'; known: [progressive"), name.getMessage());
    }
}
