package org.dialerd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMixTest {

    @Test
    void eachCycleHoldsEveryRequestAsOftenAsItsWeight() {
        RequestMix mix = RequestMix.parse("getagentstatus:3,getpauses");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            seen.merge(mix.name(i), 1, Integer::sum);
        }

        assertEquals(300, seen.get("getagentstatus"));
        assertEquals(100, seen.get("getpauses"));
        assertEquals("getpauses", mix.request(3).name());
    }

    @Test
    void getagentstatusGoesRoundTheDemoAgents() {
        RequestMix mix = RequestMix.parse("getagentstatus");

        assertEquals("Agent/9000", mix.request(0).childText("agent_number").orElseThrow());
        assertEquals("SIP/1001", mix.request(5).childText("agent_number").orElseThrow());
        assertEquals("Agent/9000", mix.request(10).childText("agent_number").orElseThrow());
    }

    @Test
    void refusesAnUnknownRequestNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestMix.parse("getagentstatus,getnothing"));

        assertTrue(e.getMessage().contains("getnothing"), e.getMessage());
        assertTrue(e.getMessage().contains("getcampaigninfo"), e.getMessage());
    }

    @Test
    void refusesAWeightOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> RequestMix.parse("getpauses:0"));
        assertThrows(IllegalArgumentException.class, () -> RequestMix.parse("getpauses:x"));
    }
}
