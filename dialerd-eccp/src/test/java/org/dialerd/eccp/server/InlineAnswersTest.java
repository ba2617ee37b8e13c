package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class InlineAnswersTest {
    private static final Set<RequestName> ENGINE_VIEWS = EnumSet.of(RequestName.GETAGENTSTATUS,
            RequestName.GETREQUESTLIST, RequestName.FILTERBYAGENT, RequestName.CALLPROGRESS);
    private static final Set<RequestName> WHILE_IN_MEMORY = EnumSet.of(RequestName.GETCAMPAIGNLIST,
            RequestName.GETCAMPAIGNINFO, RequestName.GETQUEUESCRIPT, RequestName.GETINCOMINGQUEUELIST,
            RequestName.GETPAUSES, RequestName.GETCALLINFO, RequestName.GETAGENTACTIVITYSUMMARY);

    @Test
    void theEngineViewsAlwaysTheReferenceDataAndCachedAnswersWhileInMemoryNothingElse() {
        for (RequestName name : RequestName.values()) {
            XmlElement body = XmlElement.empty(name.wireName());
            boolean inMemory = InlineAnswers.inline(name, body, n -> true);
            boolean notInMemory = InlineAnswers.inline(name, body, n -> false);

            assertEquals(ENGINE_VIEWS.contains(name) || WHILE_IN_MEMORY.contains(name), inMemory, name.wireName());
            assertEquals(ENGINE_VIEWS.contains(name), notInMemory, name.wireName());
        }
    }

    @Test
    void aCampaignListWithAFilterSqlMayAnswerIsNotInline() {
        XmlElement plain = XmlElement.builder("getcampaignlist").add("campaign_type", "outgoing").add("status", "active")
                .add("offset", 0).add("limit", 10).build();
        assertEquals(true, InlineAnswers.inline(RequestName.GETCAMPAIGNLIST, plain, n -> true));
        for (String filter : new String[] {"filtername", "datetime_start", "datetime_end"}) {
            XmlElement filtered = XmlElement.builder("getcampaignlist").add(filter, "2026-01-01").build();
            assertEquals(false, InlineAnswers.inline(RequestName.GETCAMPAIGNLIST, filtered, n -> true), filter);
        }
    }
}
