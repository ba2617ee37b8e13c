package org.dialerd.core.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dialerd.core.pbx.PbxAction;
import org.dialerd.core.pbx.PbxEvent;
import org.dialerd.core.pbx.PbxException;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.pbx.PbxNoAnswerException;
import org.dialerd.core.pbx.PbxReply;

/**
 * A campaign PBX for the soak, on the test's virtual clock, with AMI's faults as the engine
 * sees them: Originate answers that never come or come after the timeout (Asterisk dialled
 * anyway), answers that come late but in time (after the call's first events), lost
 * OriginateResponse events (and now and then the Hangup too), events of one moment in either
 * order, and one AMI outage whose events are lost. Customers: most fail within a second
 * (busy, congestion, rejected), some ring out, some answer, wait in queue 8000 for a free member
 * and talk a few seconds. Seeded: a run is reproducible.
 */
final class SoakPbx implements PbxGateway {
    static final String QUEUE = "8000";
    static final Duration ACTION_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RING_OUT = Duration.ofSeconds(5);

    /** What was injected, for the test to check that each fault really happened. */
    static final class Counters {
        long originates;
        long lostAnswers;
        long lateAnswers;
        long delayedAnswers;
        long lostOriginateResponses;
        long lostHangups;
        long swapped;
        long eventsLostInOutage;
        long answered;
        long abandoned;
    }

    private record Caller(String channel, String uniqueId, long since) {}

    private final ManualScheduler clock;
    private final Random random;
    private final List<Consumer<PbxEvent>> listeners = new ArrayList<>();
    private final Map<String, String> channels = new LinkedHashMap<>();
    private final ArrayDeque<String> freeMembers = new ArrayDeque<>();
    private final Map<String, String> memberNames = new HashMap<>();
    private final ArrayDeque<Caller> waiting = new ArrayDeque<>();
    private final List<CompletableFuture<PbxReply>> unanswered = new ArrayList<>();
    final Counters counters = new Counters();
    private boolean connected = true;
    private long sequence;

    SoakPbx(ManualScheduler clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void addListener(Consumer<PbxEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<PbxReply> send(PbxAction action) {
        if (!connected) {
            return CompletableFuture.failedFuture(new PbxException("No AMI connection"));
        }
        if (action instanceof PbxAction.Originate o) {
            return originate(o);
        }
        if (action instanceof PbxAction.QueueAdd add) {
            freeMembers.add(add.iface());
            memberNames.put(add.iface(), add.memberName());
            emit(new PbxEvent.QueueMemberAdded(member(add.iface())));
        } else if (action instanceof PbxAction.CoreShowChannels) {
            List<Map<String, String>> items = new ArrayList<>();
            channels.forEach((id, name) -> items.add(Map.of("Event", "CoreShowChannel", "Channel", name,
                    "Uniqueid", id)));
            return list(items);
        } else if (action instanceof PbxAction.QueueStatus) {
            List<Map<String, String>> items = new ArrayList<>();
            memberNames.forEach((iface, name) -> items.add(Map.of("Event", "QueueMember", "Queue", QUEUE, "Name", name,
                    "Location", iface, "StateInterface", iface, "Membership", "dynamic", "Paused", "0", "Status", "1")));
            return list(items);
        } else if (action instanceof PbxAction.Agents) {
            return list(List.of());
        }
        return CompletableFuture.completedFuture(PbxReply.ok("Success"));
    }

    /** AMI goes down for {@code gap}: the engine hears Disconnected, then nothing, then Connected. */
    void outage(Duration gap) {
        emit(new PbxEvent.Disconnected("AMI connection lost"));
        connected = false;
        List<CompletableFuture<PbxReply>> pending = List.copyOf(unanswered);
        unanswered.clear();
        pending.forEach(f -> f.completeExceptionally(new PbxNoAnswerException("AMI connection lost before the answer")));
        clock.schedule(gap, () -> {
            connected = true;
            emit(new PbxEvent.Connected("Asterisk 22"));
        });
    }

    /** Channels up right now (a stuck call in dialerd has none). */
    int channelsUp() {
        return channels.size();
    }

    int callersWaiting() {
        return waiting.size();
    }

    private CompletableFuture<PbxReply> originate(PbxAction.Originate o) {
        counters.originates++;
        String uniqueId = o.channelId();
        String channel = o.channel() + "-" + Long.toHexString(++sequence) + ";1";
        channels.put(uniqueId, channel);
        CompletableFuture<PbxReply> reply = new CompletableFuture<>();
        double fault = random.nextDouble();
        if (fault < 0.01) {
            counters.lostAnswers++;
            timeOut(reply);
        } else if (fault < 0.02) {
            counters.lateAnswers++; // comes after the timeout: the gateway drops it, the engine sees a timeout
            timeOut(reply);
        } else if (fault < 0.04) {
            counters.delayedAnswers++; // in time, but after the call's first events
            unanswered.add(reply);
            clock.schedule(Duration.ofMillis(300 + random.nextInt(2000)), () -> answer(reply));
        } else {
            reply.complete(PbxReply.ok("Originate successfully queued"));
        }
        double outcome = random.nextDouble();
        boolean loseResponse = random.nextDouble() < 0.01;
        boolean loseHangup = loseResponse && random.nextDouble() < 0.2;
        if (outcome < 0.80) {
            int reason = new int[] {5, 8, 0}[random.nextInt(3)];
            clock.schedule(Duration.ofMillis(200 + random.nextInt(800)), () -> failed(o, uniqueId, channel, reason,
                    loseResponse, loseHangup));
        } else if (outcome < 0.85) {
            clock.schedule(RING_OUT, () -> failed(o, uniqueId, channel, 3, loseResponse, loseHangup));
        } else {
            clock.schedule(Duration.ofMillis(1000 + random.nextInt(1000)), () -> answered(o, uniqueId, channel,
                    loseResponse));
        }
        return reply;
    }

    private void timeOut(CompletableFuture<PbxReply> reply) {
        unanswered.add(reply);
        clock.schedule(ACTION_TIMEOUT, () -> {
            if (unanswered.remove(reply)) {
                reply.completeExceptionally(new PbxNoAnswerException("AMI Originate: no answer within 5000 ms"));
            }
        });
    }

    private void answer(CompletableFuture<PbxReply> reply) {
        if (unanswered.remove(reply)) {
            reply.complete(PbxReply.ok("Originate successfully queued"));
        }
    }

    private void failed(PbxAction.Originate o, String uniqueId, String channel, int reason, boolean loseResponse,
                        boolean loseHangup) {
        channels.remove(uniqueId);
        PbxEvent hangup = new PbxEvent.Hangup(channel, uniqueId, uniqueId, 0, "Unknown");
        PbxEvent response = new PbxEvent.OriginateResponse(o.actionId(), false, reason, o.channel(), uniqueId, "", "");
        if (loseResponse) {
            counters.lostOriginateResponses++;
            response = null;
        }
        if (loseHangup) {
            counters.lostHangups++;
            hangup = null;
        }
        inEitherOrder(hangup, response);
    }

    private void answered(PbxAction.Originate o, String uniqueId, String channel, boolean loseResponse) {
        counters.answered++;
        PbxEvent response = new PbxEvent.OriginateResponse(o.actionId(), true, 4, channel, uniqueId, "", "");
        if (loseResponse) {
            counters.lostOriginateResponses++;
            response = null;
        }
        inEitherOrder(response, new PbxEvent.QueueCallerJoin(QUEUE, channel, uniqueId, uniqueId, o.variables()
                .get("NUMBER"), "", waiting.size() + 1, waiting.size() + 1));
        waiting.add(new Caller(channel, uniqueId, clock.nowMillis()));
        clock.schedule(Duration.ofSeconds(20), () -> giveUp(uniqueId));
        connectWaiting();
    }

    private void connectWaiting() {
        while (!waiting.isEmpty() && !freeMembers.isEmpty()) {
            Caller caller = waiting.poll();
            String iface = freeMembers.poll();
            String agentLeg = iface + "-" + Long.toHexString(++sequence) + ";1";
            long wait = (clock.nowMillis() - caller.since) / 1000;
            emit(new PbxEvent.AgentConnect(QUEUE, caller.channel, caller.uniqueId, caller.uniqueId, agentLeg,
                    caller.uniqueId + ".a", iface, memberNames.get(iface), Duration.ofSeconds(wait), Duration.ofSeconds(1)));
            long talk = 2000 + random.nextInt(4000);
            clock.schedule(Duration.ofMillis(talk), () -> {
                channels.remove(caller.uniqueId);
                inEitherOrder(new PbxEvent.AgentComplete(QUEUE, caller.channel, caller.uniqueId, agentLeg, iface,
                        memberNames.get(iface), Duration.ofSeconds(wait), Duration.ofMillis(talk), "caller"),
                        new PbxEvent.Hangup(caller.channel, caller.uniqueId, caller.uniqueId, 16, "Normal Clearing"));
                freeMembers.add(iface);
                connectWaiting();
            });
        }
    }

    private void giveUp(String uniqueId) {
        Caller caller = waiting.stream().filter(c -> c.uniqueId.equals(uniqueId)).findFirst().orElse(null);
        if (caller != null && waiting.remove(caller)) {
            counters.abandoned++;
            channels.remove(uniqueId);
            emit(new PbxEvent.QueueCallerAbandon(QUEUE, caller.channel, uniqueId, 1, 1, Duration.ofSeconds(20)));
            emit(new PbxEvent.Hangup(caller.channel, uniqueId, uniqueId, 16, "Normal Clearing"));
        }
    }

    /** Events of one moment: Asterisk's threads put them on the wire in either order. */
    private void inEitherOrder(PbxEvent first, PbxEvent second) {
        if (first != null && second != null && random.nextBoolean()) {
            counters.swapped++;
            emit(second);
            emit(first);
        } else {
            emit(first);
            emit(second);
        }
    }

    private void emit(PbxEvent event) {
        if (event == null) {
            return;
        }
        if (!connected && !(event instanceof PbxEvent.Connected)) {
            counters.eventsLostInOutage++;
            return;
        }
        listeners.forEach(l -> l.accept(event));
    }

    private static CompletableFuture<PbxReply> list(List<Map<String, String>> items) {
        return CompletableFuture.completedFuture(new PbxReply(true, "", Map.of(), List.of(), items));
    }

    private PbxEvent.QueueMember member(String iface) {
        return new PbxEvent.QueueMember(QUEUE, memberNames.get(iface), iface, iface, "dynamic", 0, 0, 1, false, "",
                false);
    }
}
