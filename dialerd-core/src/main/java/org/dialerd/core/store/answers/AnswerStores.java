package org.dialerd.core.store.answers;

import org.dialerd.core.store.Stores;

/** Puts the {@link AnswerCache} in front of the stores whose answers it keeps. */
public final class AnswerStores {
    private AnswerStores() {
    }

    /**
     * {@code stores} with getcallinfo, getcampaignstatus, getincomingqueuestatus,
     * getcampaignqueuewait and the reports (getagentactivitysummary, getagentqueues) cached.
     */
    public static Stores over(Stores stores, AnswerCache cache) {
        return new Stores(stores.clients(), stores.agents(), stores.breaks(),
                new CachedQueueWaitStore(stores.campaigns(), cache),
                new CachedCallStore(stores.calls(), cache), new CachedReportStore(stores.reports(), cache),
                stores.settings(), stores.audit(), stores.incomingCalls(),
                new CachedCampaignStatusStore(stores.campaignStatus(), cache), stores.outgoingCalls(),
                stores.schedules(), stores.recordings());
    }
}
