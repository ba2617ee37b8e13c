package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dialerd.sim.Scenario;
import org.dialerd.sim.pbx.Dialplan;
import org.junit.jupiter.api.Test;

class DemoPbxTest {
    @Test
    void transfersToTheDemoExtensionsRingTheirPhones() {
        Scenario scenario = Scenario.recorded();
        DemoPbx.addCampaignContext(scenario);
        DemoPbx.addTransferTargets(scenario);

        Dialplan.Extension target = scenario.dialplan().find("from-internal", "1002").orElseThrow();
        assertEquals(new Dialplan.Step("Dial", "Local/${EXTEN}@agents,30,tT"), target.step(2).orElseThrow());
        assertTrue(scenario.dialplan().find("from-internal", "8000").isPresent(), "campaign calls still queue");
    }
}
