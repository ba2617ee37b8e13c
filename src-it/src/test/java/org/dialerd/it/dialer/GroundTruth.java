package org.dialerd.it.dialer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.dialerd.sim.ami.AmiMessage;

/**
 * What the simulated PBX did with every number of a campaign, told by its own AMI events (the
 * listener runs on the simulator's engine thread, before any client sees the event): each
 * originate, its OriginateResponse reason, whether the answered customer joined the queue,
 * reached an agent, talked how long (AgentComplete's TalkTime) or abandoned. From that it says
 * what dialerd must have written: the progress log rows, each call's final status, tries and
 * failure cause, and how many numbers may still be dialled.
 *
 * <p>A campaign call is {@code Local/<phone>@<context>}: its ";1" half carries the uniqueid
 * dialerd assigned and is the one that waits in the queue and is bridged with the agent.
 */
public final class GroundTruth implements Consumer<AmiMessage> {
    private static final String LOCAL = "Local/";

    /** One originate of one number, as the PBX saw it. */
    public static final class Attempt {
        public final int number;
        String channel;
        public Integer reason;
        boolean joined;
        boolean connected;
        boolean abandoned;
        boolean completed;
        boolean hungUp;
        public long talkSeconds;

        Attempt(int number) {
            this.number = number;
        }

        /** Where dialerd leaves the call after this attempt; empty while the attempt is going on. */
        public String status(int shortCallSeconds) {
            if (reason == null) {
                return "";
            }
            if (reason != 4) {
                return reason == 3 ? "NoAnswer" : "Failure";
            }
            if (completed) {
                return talkSeconds < shortCallSeconds ? "ShortCall" : "Success";
            }
            if (abandoned) {
                return "Abandoned";
            }
            // Answered and gone before joining the queue: nobody talked to the customer.
            return hungUp && !joined ? "Abandoned" : "";
        }

        /** The call_progress_log rows dialerd writes for this attempt, in order. */
        public List<String> progress(int shortCallSeconds) {
            // Every attempt here reached the PBX, so Asterisk accepted the Originate: Dialing.
            List<String> rows = new ArrayList<>(List.of("Placing", "Dialing"));
            if (reason == null) {
                return rows;
            }
            if (reason != 4) {
                rows.add(reason == 3 ? "NoAnswer" : "Failure");
                return rows;
            }
            rows.add("Ringing");
            if (joined) {
                rows.add("OnQueue");
            }
            if (connected) {
                rows.add("Success");
            }
            if (completed) {
                if (talkSeconds < shortCallSeconds) {
                    rows.add("ShortCall");
                }
                rows.add("Hangup");
            } else if (abandoned && !connected || hungUp && !joined) {
                rows.add("Abandoned");
            }
            return rows;
        }
    }

    /** A consistent view: {@code events} changes with every event the truth took in. */
    public record Summary(long events, int attempts, int live, int mostLive, int remaining, Map<String, Integer> progress) {}

    private final String context;
    private final int tries;
    private final int shortCallSeconds;
    private final Map<String, List<Attempt>> byPhone = new LinkedHashMap<>();
    private final Map<String, Attempt> byChannel = new HashMap<>();
    private final List<String> unexpected = new ArrayList<>();
    private long events;
    private int live;
    private int mostLive;

    /**
     * @param phones           every number of the campaign
     * @param context          the dialplan context customers are dialled in
     * @param tries            the campaign's retries (how many times a number may be dialled)
     * @param shortCallSeconds dialer.llamada_corta
     */
    public GroundTruth(Collection<String> phones, String context, int tries, int shortCallSeconds) {
        phones.forEach(phone -> byPhone.put(phone, new ArrayList<>()));
        this.context = context;
        this.tries = tries;
        this.shortCallSeconds = shortCallSeconds;
    }

    @Override
    public synchronized void accept(AmiMessage event) {
        String channel = event.getOrEmpty("Channel");
        if (!channel.startsWith(LOCAL) || !channel.contains("@" + context)) {
            return;
        }
        events++;
        switch (event.eventName()) {
            case "Newchannel" -> {
                if (channel.endsWith(";1")) {
                    Attempt attempt = new Attempt(attempts(phoneOf(channel)).size() + 1);
                    attempt.channel = channel;
                    attempts(phoneOf(channel)).add(attempt);
                    byChannel.put(channel, attempt);
                    live++;
                    mostLive = Math.max(mostLive, live);
                }
            }
            case "OriginateResponse" -> originateResponse(channel, Integer.parseInt(event.getOrEmpty("Reason")));
            case "QueueCallerJoin" -> withAttempt(channel, a -> a.joined = true);
            case "AgentConnect" -> withAttempt(channel, a -> a.connected = true);
            case "AgentComplete" -> withAttempt(channel, a -> {
                a.completed = true;
                a.talkSeconds = Long.parseLong(event.getOrEmpty("TalkTime"));
            });
            case "QueueCallerAbandon" -> withAttempt(channel, a -> a.abandoned = true);
            case "Hangup" -> {
                // The attempt stays findable: where Asterisk's threads race, its AgentComplete may
                // follow the Hangup (EventOrder.raceWindows). Channel names are never reused in a run.
                Attempt attempt = byChannel.get(channel);
                if (attempt != null && !attempt.hungUp) {
                    attempt.hungUp = true;
                    live--;
                }
            }
            default -> {
            }
        }
    }

    /** Failure: Channel is the dial string; success: the ";1" channel's name. */
    private void originateResponse(String channel, int reason) {
        List<Attempt> attempts = attempts(phoneOf(channel));
        Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        if (last == null || last.reason != null) {
            unexpected.add("OriginateResponse " + reason + " for " + channel + " without a new channel");
            return;
        }
        last.reason = reason;
    }

    private void withAttempt(String channel, Consumer<Attempt> change) {
        Attempt attempt = byChannel.get(channel);
        if (attempt != null) {
            change.accept(attempt);
        }
    }

    private List<Attempt> attempts(String phone) {
        return byPhone.computeIfAbsent(phone, p -> {
            unexpected.add("a call to " + p + ", which is not one of the campaign's numbers");
            return new ArrayList<>();
        });
    }

    private static String phoneOf(String channel) {
        return channel.substring(LOCAL.length(), channel.indexOf('@'));
    }

    public synchronized Summary summary() {
        int attempts = 0;
        int remaining = 0;
        Map<String, Integer> progress = new TreeMap<>();
        for (List<Attempt> list : byPhone.values()) {
            attempts += list.size();
            for (Attempt a : list) {
                a.progress(shortCallSeconds).forEach(status -> progress.merge(status, 1, Integer::sum));
            }
            if (mayBeDialled(list)) {
                remaining++;
            }
        }
        return new Summary(events, attempts, live, mostLive, remaining, progress);
    }

    /** Not being dialled now, tried fewer times than allowed, not ended Success. */
    private boolean mayBeDialled(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return true;
        }
        String last = attempts.get(attempts.size() - 1).status(shortCallSeconds);
        return !last.isEmpty() && !last.equals("Success") && attempts.size() < tries;
    }

    /** The attempts made to each number, in order (copies are not needed once the PBX is quiet). */
    public synchronized Map<String, List<Attempt>> byPhone() {
        return new LinkedHashMap<>(byPhone);
    }

    public synchronized List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** What the calls row must hold after these attempts. */
    public static Row expectedRow(List<Attempt> tries, int shortCallSeconds) {
        Attempt last = tries.get(tries.size() - 1);
        String status = last.status(shortCallSeconds);
        Integer cause = null;
        String causeText = null;
        Long duration = null;
        if (status.equals("Failure") || status.equals("NoAnswer")) {
            cause = switch (last.reason) {
                case 5 -> 17;
                case 3 -> 19;
                case 8 -> 34;
                default -> 0;
            };
            causeText = switch (last.reason) {
                case 5 -> "User busy";
                case 3 -> "No answer";
                case 8 -> "Congestion";
                default -> "Failed";
            };
        } else if (status.equals("Success") || status.equals("ShortCall")) {
            duration = last.talkSeconds;
        }
        return new Row(status, tries.size(), cause, causeText, duration);
    }

    /** The columns of a calls row the run decides. */
    public record Row(String status, int retries, Integer failureCause, String failureCauseText, Long duration) {}

    int shortCallSeconds() {
        return shortCallSeconds;
    }
}
