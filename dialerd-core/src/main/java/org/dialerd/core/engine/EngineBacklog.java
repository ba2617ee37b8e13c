package org.dialerd.core.engine;

/**
 * What the engine holds per call or per action, counted on the engine thread: every entry must
 * go away when its call or action ends, so under steady traffic these stay bounded (the soak
 * samples them). Each map is named after the component that owns it.
 *
 * @param outboundByActionId campaign calls waiting for their Originate's answer or OriginateResponse (OutboundDialer)
 * @param outboundByUniqueId campaign calls dialerd follows by the uniqueid it assigned (OutboundDialer)
 * @param inboundCalls       incoming calls followed (InboundCalls)
 * @param transfers          attended transfers followed (TransferFollower)
 * @param parked             agents whose call is parked on hold (HoldControl)
 */
public record EngineBacklog(int outboundByActionId, int outboundByUniqueId, int inboundCalls, int transfers,
                            int parked) {

    /** The largest of the counts. */
    public int largest() {
        return Math.max(Math.max(Math.max(outboundByActionId, outboundByUniqueId), Math.max(inboundCalls, transfers)),
                parked);
    }
}
