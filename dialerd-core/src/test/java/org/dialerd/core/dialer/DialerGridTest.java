package org.dialerd.core.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theVerdictComparesWithTheBestBaselineUnderTheTarget() {
        DialerEvaluation.Cell cell = new DialerEvaluation.Cell(20, 0.9, 60);
        DialerEvaluation.Result progressive = new DialerEvaluation.Result(cell, "progressive", 100, 90, 0, 0.80);
        DialerEvaluation.Result over = new DialerEvaluation.Result(cell, "reference", 100, 90, 9, 0.95);
        DialerEvaluation.Result mine = new DialerEvaluation.Result(cell, DialerEvaluation.PREDICTIVE, 100, 90, 2, 0.85);
        assertEquals("met, +5.0 over progressive (80.0)", DialerGrid.verdict(List.of(progressive, over, mine)));
        DialerEvaluation.Result low = new DialerEvaluation.Result(cell, DialerEvaluation.PREDICTIVE, 100, 90, 2, 0.75);
        assertEquals("**not met**: -5.0 against progressive (80.0)", DialerGrid.verdict(List.of(progressive, low)));
        DialerEvaluation.Result bad = new DialerEvaluation.Result(cell, DialerEvaluation.PREDICTIVE, 100, 90, 9, 0.99);
        assertEquals("**not met**: over 3 %", DialerGrid.verdict(List.of(progressive, bad)));
    }

    @Test
    void aBadSubsetSaysWhatIsExpected() {
        IllegalArgumentException cell = assertThrows(IllegalArgumentException.class,
                () -> DialerGrid.cells("100:0.15"));
        assertEquals("cell '100:0.15': expected agents:answer:talk, e.g. 100:0.15:60", cell.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> DialerGrid.algorithms("magic"));
        assertTrue(name.getMessage().startsWith("no algorithm 'magic'; known: [progressive"), name.getMessage());
    }
}
