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

    @Test
    void campaignOnesSafeHarbourTargetAnswersPlaysTheMessageAndHangsUp() {
        Scenario scenario = Scenario.recorded();
        DemoPbx.addDemo(scenario);

        // sql/demo-dialer.sql: safe_harbour = 'demo-safe-harbour,s,1'
        Dialplan.Extension message = scenario.dialplan().find("demo-safe-harbour", "s").orElseThrow();
        assertEquals(new Dialplan.Step("Answer", ""), message.step(1).orElseThrow());
        assertEquals(new Dialplan.Step("Playback", "dialerd/safe-harbour"), message.step(2).orElseThrow());
        assertEquals(new Dialplan.Step("Hangup", ""), message.step(4).orElseThrow());
    }
}
