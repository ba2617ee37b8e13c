package org.dialerd.core.store.reference;

import org.dialerd.core.store.Stores;

/** Puts the cached stores in front of the database's for the tables {@link ReferenceData} holds. */
public final class ReferenceStores {
    private ReferenceStores() {
    }

    /** {@code stores} with agents, breaks and campaigns answered from {@code data} where it can. */
    public static Stores over(Stores stores, ReferenceData data) {
        return new Stores(stores.clients(), new CachedAgentStore(data, stores.agents()),
                new CachedBreakStore(data, stores.breaks()), new CachedCampaignStore(data, stores.campaigns()),
                stores.calls(), stores.reports(), stores.settings(), stores.audit(), stores.incomingCalls(),
                stores.campaignStatus(), stores.outgoingCalls(), stores.schedules(), stores.recordings());
    }
}
