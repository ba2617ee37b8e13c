package org.dialerd.eccp.handler.call;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhpComparisonTest {
    @Test
    void nonNumericStringsCompareByteForByte() {
        assertTrue(PhpComparison.looseEquals("abc", "abc"));
        assertFalse(PhpComparison.looseEquals("abc", "ABC"));
        assertFalse(PhpComparison.looseEquals("abc", "abc "));
        assertFalse(PhpComparison.looseEquals("", "0"));
        assertFalse(PhpComparison.looseEquals("1a", "1"));
    }

    @Test
    void numericStringsCompareAsNumbers() {
        assertTrue(PhpComparison.looseEquals("1", "01"));
        assertTrue(PhpComparison.looseEquals("1.0", "1"));
        assertTrue(PhpComparison.looseEquals("1e3", "1000"));
        assertTrue(PhpComparison.looseEquals(" 1", "1 "));
        assertTrue(PhpComparison.looseEquals("+5", "5"));
        assertTrue(PhpComparison.looseEquals(".5", "0.50"));
        assertFalse(PhpComparison.looseEquals("1", "2"));
        assertFalse(PhpComparison.looseEquals("9223372036854775807", "9223372036854775806"));
    }
}
