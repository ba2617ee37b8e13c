package org.dialerd.eccp.handler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalLong;
import org.dialerd.core.store.ReportStore.IncomingCampaign;
import org.dialerd.core.store.ReportStore.IncomingQueue;
import org.dialerd.core.store.ReportStore.Newest;
import org.dialerd.core.store.ReportStore.OutgoingCampaign;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class CampaignLogQueryTest {

    private static CampaignLogQuery read(String... nameValues) {
        XmlElement.Builder request = XmlElement.builder("campaignlog");
        for (int i = 0; i < nameValues.length; i += 2) {
            request.add(nameValues[i], nameValues[i + 1]);
        }
        return CampaignLogQuery.from(request.build());
    }

    private static void assertBadRequest(String... nameValues) {
        EccpFailure failure = assertThrows(EccpFailure.class, () -> read(nameValues));
        assertEquals(400, failure.code());
        assertEquals("Bad request", failure.getMessage());
        assertFalse(failure.isWrapped());
    }

    @Test
    void outgoingSelectsTheCampaign() {
        assertEquals(new CampaignLogQuery("outgoing", new OutgoingCampaign(1), Optional.empty()),
                read("campaign_type", "outgoing", "campaign_id", "1"));
    }

    @Test
    void outgoingIgnoresTheQueueButNeedsTheCampaign() {
        assertBadRequest("campaign_type", "outgoing", "queue", "8000");
    }

    @Test
    void incomingCampaignWinsOverQueue() {
        assertEquals(new IncomingCampaign(1), read("campaign_type", "incoming", "campaign_id", "1", "queue", "8002").source());
    }

    @Test
    void incomingQueueAloneSelectsCallsWithoutCampaign() {
        assertEquals(new IncomingQueue("8001"), read("campaign_type", "incoming", "queue", "8001").source());
    }

    @Test
    void incomingNeedsCampaignOrQueue() {
        assertBadRequest("campaign_type", "incoming");
    }

    @Test
    void campaignTypeIsRequiredAndChecked() {
        assertBadRequest("campaign_id", "1");
        assertBadRequest("campaign_type", "foo", "campaign_id", "1");
        assertBadRequest("campaign_type", "Outgoing", "campaign_id", "1");
    }

    @Test
    void campaignIdIsCastLikePhp() {
        assertEquals(new OutgoingCampaign(0), read("campaign_type", "outgoing", "campaign_id", "abc").source());
        assertEquals(new OutgoingCampaign(12), read("campaign_type", "outgoing", "campaign_id", " 12x").source());
    }

    @Test
    void lastNWithAndWithoutIdBefore() {
        assertEquals(Optional.of(new Newest(3, OptionalLong.empty())),
                read("campaign_type", "outgoing", "campaign_id", "1", "last_n", "3").newest());
        assertEquals(Optional.of(new Newest(2, OptionalLong.of(5))),
                read("campaign_type", "outgoing", "campaign_id", "1", "last_n", "2", "idbefore", "5").newest());
    }

    @Test
    void idBeforeWithoutLastNIsIgnored() {
        assertEquals(Optional.empty(), read("campaign_type", "outgoing", "campaign_id", "1", "idbefore", "5").newest());
    }
}
