package org.dialerd.core.engine;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.dialerd.core.dialer.OriginateFailure;
import org.dialerd.core.metrics.CallPhase;
import org.dialerd.core.pbx.PbxReply;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.core.store.OutgoingCallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Click-to-call calls across what loses their events: an AMI reconnection (each resync) and a
 * dialerd restart (the first resync's takeover). Both judge a call by Asterisk's channel list
 * (CoreShowChannels): its agent leg by the uniqueid dialerd gave it, its customer by the
 * linkedid Dial gave that channel. Engine thread only.
 * <ul>
 * <li>Resync: a call the events had linked ends (agentunlinked, Hangup row) when its customer's
 *     channel is gone; one not linked yet is linked when its customer's channel is up in a
 *     bridge (the BridgeEnter was lost), fails when both legs are gone or when the agent's leg
 *     is up alone after the answer (the customer gave up meanwhile), and otherwise goes on.</li>
 * <li>Takeover: a row the previous run left in progress whose channel (by its uniqueid, or by
 *     ID_CALL for a row still dialling) belongs to a click-to-call is followed again here, not
 *     by the dialer; its agent is the row's, or for a call not linked yet the agent whose line
 *     the agent leg is once agents are taken over. A row whose channels are all gone is left to
 *     the dialer's takeover, which ends it as any campaign call.</li>
 * </ul>
 */
final class ClickToCallRecovery {
    private static final Logger log = LoggerFactory.getLogger(ClickToCallRecovery.class);
    /** The agent leg's uniqueid: {@code <prefix>.c<n>} ({@link ClickToCall}). */
    private static final Pattern AGENT_LEG = Pattern.compile(".+\\.c\\d+");
    /** Past the originate timeout, how long a call taken over may wait for its agent to answer. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(10);
    private static final String UP = "6";

    private final AgentEngine engine;
    private final ClickToCallCalls calls;
    private final DialerSettings dialer;
    private final Supplier<DaemonSettings> settings;
    /** Taken over before they were linked, with the channel list they were found in. */
    private final Map<ClickToCallCalls.Dialing, Map<String, Map<String, String>>> unlinked = new LinkedHashMap<>();

    ClickToCallRecovery(AgentEngine engine, ClickToCallCalls calls, DialerSettings dialer,
                        Supplier<DaemonSettings> settings) {
        this.engine = engine;
        this.calls = calls;
        this.dialer = dialer;
        this.settings = settings;
    }

    /**
     * The calls a resync may judge, taken when it begins: not one whose Originate went out on
     * this connection and is not answered yet (its channel may not exist yet; its
     * OriginateResponse or its deadline decides).
     */
    List<ClickToCallCalls.Dialing> judged() {
        return calls.all().stream()
                .filter(d -> d.agentAnswered || d.responseLost || d.call.session < calls.session())
                .toList();
    }

    /** With the resync's channel list; returns how many calls it ended. */
    int resync(PbxReply channels, List<ClickToCallCalls.Dialing> judged) {
        Map<String, Map<String, String>> byUniqueId = byUniqueId(channels);
        int ended = 0;
        for (ClickToCallCalls.Dialing dialing : judged) {
            if (dialing.call.ended) {
                continue;
            }
            Map<String, String> agentLeg = byUniqueId.get(dialing.agentUniqueId);
            if (agentLeg != null) {
                dialing.agentLeg = agentLeg.getOrDefault("Channel", dialing.agentLeg);
                dialing.agentAnswered |= UP.equals(agentLeg.get("ChannelState"));
            }
            if (dialing.customerUniqueId.isEmpty()) {
                customerOf(dialing, byUniqueId).ifPresent(c -> calls.customerFound(dialing,
                        c.get("Uniqueid"), c.getOrDefault("Channel", "")));
            }
            Map<String, String> customer = byUniqueId.get(dialing.customerUniqueId);
            String what = "click-to-call " + dialing.call.callId;
            if (dialing.call.linkStart != null) {
                if (customer == null) {
                    log.info("{}: its customer's channel is gone from Asterisk: ending it", what);
                    calls.ended(dialing);
                    ended++;
                }
            } else if (customer != null && bridged(customer)) {
                log.info("{}: its customer is talking in Asterisk (the events were lost): linked now", what);
                calls.linked(dialing);
            } else if (customer == null && (agentLeg == null || dialing.agentAnswered)) {
                log.info("{}: gone from Asterisk before the customer was linked: ending it as failed", what);
                calls.failed(dialing, OriginateFailure.failed(CallReconciler.GONE));
                ended++;
            }
        }
        return ended;
    }

    /**
     * At a restart's first resync, for a row the previous run left in progress: true if it is a
     * click-to-call with a channel still up, now followed here.
     *
     * @param uniqueId the row's uniqueid, or the one its ID_CALL was found on; null if neither
     */
    boolean adopt(OutgoingCallStore.UnfinishedCall row, String uniqueId, PbxReply channels) {
        Map<String, Map<String, String>> byUniqueId = byUniqueId(channels);
        Map<String, String> item = uniqueId == null ? null : byUniqueId.get(uniqueId);
        if (item == null) {
            return false;
        }
        String agentUniqueId = AGENT_LEG.matcher(uniqueId).matches() ? uniqueId : item.getOrDefault("Linkedid", "");
        if (!AGENT_LEG.matcher(agentUniqueId).matches()) {
            return false; // a campaign call: the dialer's
        }
        LocalDateTime now = engine.now();
        OutboundCall call = new OutboundCall(row.campaignId(), row.callId(), row.phone(), row.queue(),
                row.trunk() == null ? "" : row.trunk(), row.retries(), "dialerd-adopted-c2c-" + row.callId(),
                agentUniqueId, row.originated() == null ? now : row.originated(),
                new CallMeter(engine.metrics, OutboundDialer.OUTGOING));
        call.session = -1;
        call.answered = row.answered();
        call.joined = row.joined();
        call.linkStart = row.linkStart();
        call.agent = CallTakeover.agentById(engine, row.agentId());
        call.scheduledFor = call.agent;
        ClickToCallCalls.Dialing dialing = new ClickToCallCalls.Dialing(call, agentUniqueId);
        dialing.responseLost = true;
        Map<String, String> agentLeg = byUniqueId.get(agentUniqueId);
        if (agentLeg != null) {
            dialing.agentLeg = agentLeg.getOrDefault("Channel", "");
            dialing.agentAnswered = UP.equals(agentLeg.get("ChannelState"));
        }
        calls.follow(dialing);
        customerOf(dialing, byUniqueId).ifPresent(c -> calls.customerFound(dialing, c.get("Uniqueid"),
                c.getOrDefault("Channel", "")));
        OutboundCall followed = dialing.call;
        followed.agentChannel = dialing.agentLeg;
        if (followed.agent != null) {
            followed.agent.outboundCall = followed;
        }
        followed.meter.enter(followed.linkStart != null ? CallPhase.TALKING : CallPhase.DIALING);
        log.info("click-to-call {} is still up in Asterisk ({}): followed again", row.callId(),
                dialing.agentLeg.isEmpty() ? followed.channel : dialing.agentLeg);
        if (followed.linkStart == null) {
            // Its agent is found once agents are taken over (after the calls): afterAgentsTakenOver.
            unlinked.put(dialing, byUniqueId);
            engine.scheduler().schedule(dialer.originateTimeout(settings.get()).plus(ANSWER_GRACE), () -> {
                if (!dialing.call.ended && !dialing.agentAnswered) {
                    calls.failed(dialing, OriginateFailure.failed("No answer from the agent after the takeover"));
                }
            });
        }
        return true;
    }

    /**
     * After the resync took the agents over: each call taken over before it was linked gets its
     * agent (the one whose line its agent leg is), and is linked if its customer was talking.
     */
    void afterAgentsTakenOver() {
        unlinked.forEach((dialing, byUniqueId) -> {
            if (dialing.call.ended) {
                return;
            }
            calls.findAgent(dialing);
            Map<String, String> customer = byUniqueId.get(dialing.customerUniqueId);
            if (dialing.call.linkStart == null && customer != null && bridged(customer)) {
                calls.linked(dialing);
            }
        });
        unlinked.clear();
    }

    /** The channel Dial made for the customer: the agent leg's linkedid, not a half of the agent leg. */
    private static Optional<Map<String, String>> customerOf(ClickToCallCalls.Dialing dialing,
                                                            Map<String, Map<String, String>> byUniqueId) {
        if (!dialing.customerUniqueId.isEmpty() || dialing.agentLeg.isEmpty()) {
            return Optional.empty();
        }
        String agentBase = ClickToCallCalls.base(dialing.agentLeg);
        return byUniqueId.values().stream()
                .filter(c -> dialing.agentUniqueId.equals(c.get("Linkedid")))
                .filter(c -> !dialing.agentUniqueId.equals(c.get("Uniqueid")))
                .filter(c -> !ClickToCallCalls.base(c.getOrDefault("Channel", "")).equals(agentBase))
                .min(java.util.Comparator.comparing(c -> c.getOrDefault("Channel", "")));
    }

    private static boolean bridged(Map<String, String> channel) {
        return UP.equals(channel.get("ChannelState")) && !channel.getOrDefault("BridgeId", "").isEmpty();
    }

    /** {@code Local/1001@agents-0000001a;1} → {@code Local/1001@agents}; {@code SIP/1001-0000000a} → {@code SIP/1001}. */
    static String lineOf(String channel) {
        String base = ClickToCallCalls.base(channel);
        int dash = base.lastIndexOf('-');
        return dash < 0 ? base : base.substring(0, dash);
    }

    private static Map<String, Map<String, String>> byUniqueId(PbxReply channels) {
        Map<String, Map<String, String>> byUniqueId = new HashMap<>();
        for (Map<String, String> item : channels.items()) {
            byUniqueId.put(item.getOrDefault("Uniqueid", ""), item);
        }
        return byUniqueId;
    }
}
