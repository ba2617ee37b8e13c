package org.dialerd.core.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.agent.CallLink;
import org.dialerd.core.dialer.CampaignOptions;
import org.dialerd.core.store.BreakStore;
import org.dialerd.core.store.OutgoingCallStore;

/**
 * How long the after-call work of each call is, as last read from {@code dialerd_campaign_options}
 * and {@code dialerd_queue_options}: an outgoing campaign's non-zero wrap-up wins for its calls,
 * else the queue's. Immutable; read off the engine thread every refresh, so a call's end costs
 * no query. Also names the wrap-up break (tipo 'H', name {@value #BREAK_NAME}) its audit rows use.
 */
record WrapupTimes(Map<Integer, Duration> campaigns, Map<String, Duration> queues,
                   Map<Integer, String> campaignQueues, Optional<Integer> breakId) {
    /** The wrap-up break's name, as schema.sql seeds it, and the QueuePause reason. */
    static final String BREAK_NAME = "Wrapup";
    static final WrapupTimes NONE = new WrapupTimes(Map.of(), Map.of(), Map.of(), Optional.empty());

    WrapupTimes {
        campaigns = Map.copyOf(campaigns);
        queues = Map.copyOf(queues);
        campaignQueues = Map.copyOf(campaignQueues);
    }

    /**
     * One read: queue options, the active campaigns' queues, the tipo 'H' breaks; the campaigns'
     * options are the shared read's ({@link org.dialerd.core.dialer.CampaignOptionsCache}).
     */
    static WrapupTimes read(Map<Integer, CampaignOptions> campaignOptions, OutgoingCallStore calls, BreakStore breaks) {
        Map<Integer, Duration> campaigns = campaignWrapups(campaignOptions);
        Map<String, Duration> queues = new HashMap<>();
        calls.queueOptions().forEach((queue, options) -> {
            if (!options.wrapup().isZero()) {
                queues.put(queue, options.wrapup());
            }
        });
        Map<Integer, String> campaignQueues = new HashMap<>();
        if (!campaigns.isEmpty()) {
            calls.activeCampaigns().forEach(c -> campaignQueues.put(c.id(), c.queue() == null ? "" : c.queue()));
        }
        return new WrapupTimes(campaigns, queues, campaignQueues, breakIdIn(breaks.findByTipo('H')));
    }

    /** The same times with the campaigns' from newer options (the queues' and breaks' as read). */
    WrapupTimes withCampaigns(Map<Integer, CampaignOptions> campaignOptions) {
        return new WrapupTimes(campaignWrapups(campaignOptions), queues, campaignQueues, breakId);
    }

    private static Map<Integer, Duration> campaignWrapups(Map<Integer, CampaignOptions> campaignOptions) {
        Map<Integer, Duration> campaigns = new HashMap<>();
        campaignOptions.forEach((id, options) -> {
            if (!options.wrapup().isZero()) {
                campaigns.put(id, options.wrapup());
            }
        });
        return campaigns;
    }

    private static Optional<Integer> breakIdIn(List<BreakStore.Break> internal) {
        return internal.stream().filter(b -> BREAK_NAME.equals(b.name())).map(BreakStore.Break::id).findFirst();
    }

    /** The wrap-up after this call; zero: none. Incoming calls' campaign ids are not outgoing campaigns. */
    Duration after(CallLink call) {
        if ("outgoing".equals(call.callType()) && call.campaignId().isPresent()) {
            Duration own = campaigns.get(call.campaignId().get());
            if (own != null) {
                return own;
            }
        }
        return call.queue() == null ? Duration.ZERO : queues.getOrDefault(call.queue(), Duration.ZERO);
    }

    /**
     * The longest wrap-up a call from any of these queues can have: what a wrap-up dialerd
     * finds in Asterisk after a restart (its call unknown) is given.
     */
    Duration longestFrom(Collection<String> memberOf) {
        Duration longest = Duration.ZERO;
        for (String queue : memberOf) {
            Duration own = queues.getOrDefault(queue, Duration.ZERO);
            longest = own.compareTo(longest) > 0 ? own : longest;
        }
        for (Map.Entry<Integer, Duration> campaign : campaigns.entrySet()) {
            if (memberOf.contains(campaignQueues.getOrDefault(campaign.getKey(), ""))
                    && campaign.getValue().compareTo(longest) > 0) {
                longest = campaign.getValue();
            }
        }
        return longest;
    }
}
