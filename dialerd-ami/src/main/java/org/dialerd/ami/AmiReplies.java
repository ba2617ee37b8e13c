package org.dialerd.ami;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.event.AgentsEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DbGetResponseEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.dialerd.ami.internal.AgentsFixedEvent;
import org.dialerd.core.pbx.PbxReply;

/**
 * asterisk-java responses → {@link PbxReply}. asterisk-java lowercases header names and
 * parses list items into beans; both are turned back into AMI's own spelling here, so the
 * engine reads {@code fields.get("Value")} and {@code item.get("PausedReason")} as on the wire.
 * Every item map starts with {@code Event} (QueueParams, QueueMember, QueueEntry, Agents,
 * CoreShowChannel, DBGetResponse); the terminating "…Complete" event is not an item.
 */
final class AmiReplies {

    /** AMI's spelling of response headers, by lowercase name; others get a capital first letter. */
    private static final Map<String, String> HEADER_NAMES = Stream.of("Response", "Message", "EventList",
                    "Variable", "Value", "Ping", "Timestamp", "Status", "StatusText", "Hint", "Exten", "Context",
                    "Channel", "Uniqueid", "Events", "AMIversion", "AsteriskVersion", "SystemName", "CoreMaxCalls",
                    "CoreMaxLoadAvg", "CoreRunUser", "CoreRunGroup", "CoreMaxFilehandles", "CoreRealTimeEnabled",
                    "CoreCDRenabled", "CoreHTTPenabled", "CoreStartupDate", "CoreStartupTime", "CoreReloadDate",
                    "CoreReloadTime", "CoreCurrentCalls", "CoreProcessedCalls", "Family", "Key", "Val",
                    "ListItems", "Challenge")
            .collect(Collectors.toUnmodifiableMap(n -> n.toLowerCase(Locale.ROOT), Function.identity()));

    /** Headers that are not the answer's content: the routing id, and Command output (in {@code output}). */
    private static final List<String> NOT_FIELDS = List.of("actionid", "output", "__result__");

    private AmiReplies() {
    }

    static PbxReply fromResponse(ManagerResponse response) {
        return new PbxReply(isSuccess(response), text(response.getMessage()), fields(response), output(response),
                List.of());
    }

    /**
     * A finished list action. {@code complete} is the event class that ends the list; without one
     * (and without an error response) the list was cut off by a disconnection: empty.
     */
    static Optional<PbxReply> fromList(ResponseEvents events, Class<? extends ResponseEvent> complete) {
        ManagerResponse response = events.getResponse();
        if (response == null) {
            return Optional.empty();
        }
        boolean error = !isSuccess(response);
        boolean ended = events.getEvents().stream().anyMatch(complete::isInstance);
        if (!error && !ended) {
            return Optional.empty();
        }
        List<Map<String, String>> items = new ArrayList<>();
        for (ResponseEvent e : events.getEvents()) {
            if (!complete.isInstance(e)) {
                items.add(item(e));
            }
        }
        return Optional.of(new PbxReply(!error, text(response.getMessage()), fields(response), List.of(), items));
    }

    /** DBGet's answer: its one item, whose Family, Key and Val are also the reply's fields. */
    static PbxReply fromDbGet(ManagerResponse response, DbGetResponseEvent value) {
        Map<String, String> item = item(value);
        Map<String, String> fields = new LinkedHashMap<>(fields(response));
        item.forEach((name, v) -> {
            if (!name.equals("Event")) {
                fields.put(name, v);
            }
        });
        return new PbxReply(true, text(response.getMessage()), fields, List.of(), List.of(item));
    }

    static boolean isSuccess(ManagerResponse response) {
        return !(response instanceof ManagerError) && !"error".equalsIgnoreCase(response.getResponse());
    }

    @SuppressWarnings("deprecation") // QueueMember's Name/Location: asterisk-java deprecates its own spelling
    static Map<String, String> item(ManagerEvent e) {
        Item m = new Item(eventName(e));
        if (e instanceof QueueMemberEvent q) {
            m.put("Queue", q.getQueue()).put("Name", first(q.getMemberName(), q.getName()))
                    .put("Location", first(q.getInterface(), q.getLocation()))
                    .put("StateInterface", q.getStateinterface()).put("Membership", q.getMembership())
                    .put("Penalty", q.getPenalty()).put("CallsTaken", q.getCallsTaken())
                    .put("LastCall", q.getLastCall()).put("LastPause", q.getLastPause())
                    .put("LoginTime", q.getLogintime()).put("InCall", q.getIncall()).put("Status", q.getStatus())
                    .put("Paused", q.getPaused()).put("PausedReason", q.getPausedreason())
                    .put("Wrapuptime", q.getWrapuptime());
        } else if (e instanceof QueueEntryEvent q) {
            m.put("Queue", q.getQueue()).put("Position", q.getPosition()).put("Channel", q.getChannel())
                    .put("Uniqueid", q.getUniqueId()).put("CallerIDNum", first(q.getCallerIdNum(), q.getCallerId()))
                    .put("CallerIDName", q.getCallerIdName()).put("ConnectedLineNum", q.getConnectedLineNum())
                    .put("ConnectedLineName", q.getConnectedLineName()).put("Wait", q.getWait())
                    .put("Priority", q.getPriority());
        } else if (e instanceof QueueParamsEvent q) {
            m.put("Queue", q.getQueue()).put("Max", q.getMax()).put("Strategy", q.getStrategy())
                    .put("Calls", q.getCalls()).put("Holdtime", q.getHoldTime()).put("TalkTime", q.getTalkTime())
                    .put("Completed", q.getCompleted()).put("Abandoned", q.getAbandoned())
                    .put("ServiceLevel", q.getServiceLevel()).put("ServicelevelPerf", q.getServiceLevelPerf())
                    .put("ServicelevelPerf2", q.getServiceLevelPerf2()).put("Weight", q.getWeight());
        } else if (e instanceof AgentsEvent a) {
            m.put("Agent", a.getAgent()).put("Name", a.getName()).put("Status", a.getStatus())
                    .put("TalkingToChan", a.getTalkingToChan()).put("LoggedInTime", a.getLoggedInTime());
            if (a instanceof AgentsFixedEvent f) {
                m.put("Channel", f.getChannel()).put("Uniqueid", f.getUniqueid()).put("Linkedid", f.getLinkedid())
                        .put("CallStarted", f.getCallStarted()).put("Language", f.getLanguage())
                        .put("AccountCode", f.getAccountCode());
            }
            channelSnapshot(m, e);
        } else if (e instanceof CoreShowChannelEvent c) {
            m.put("Channel", c.getChannel()).put("Uniqueid", c.getUniqueid()).put("Linkedid", c.getLinkedid())
                    .put("Application", c.getApplication()).put("ApplicationData", c.getApplicationdata())
                    .put("Duration", c.getDuration()).put("BridgeId", c.getBridgeid())
                    .put("Language", c.getLanguage()).put("AccountCode", c.getAccountcode());
            channelSnapshot(m, e);
            m.put("Exten", first(e.getExten(), c.getExtension()));
        } else if (e instanceof DbGetResponseEvent d) {
            m.put("Family", d.getFamily()).put("Key", d.getKey()).put("Val", d.getVal());
        }
        return m.fields;
    }

    /** The fields every channel-carrying event has (kept in asterisk-java's base bean). */
    private static void channelSnapshot(Item m, ManagerEvent e) {
        m.put("CallerIDNum", e.getCallerIdNum()).put("CallerIDName", e.getCallerIdName())
                .put("ConnectedLineNum", e.getConnectedLineNum()).put("ConnectedLineName", e.getConnectedLineName())
                .put("ChannelState", e.getChannelState()).put("ChannelStateDesc", e.getChannelStateDesc())
                .put("Context", e.getContext()).put("Exten", e.getExten()).put("Priority", e.getPriority());
    }

    /** Command's {@code Output:} lines, as sent (asterisk-java's CommandResponse trims them). */
    private static List<String> output(ManagerResponse response) {
        Map<String, Object> attributes = response.getAttributes();
        Object output = attributes == null ? null : attributes.get("output");
        if (output instanceof List<?> lines) {
            return lines.stream().map(String::valueOf).toList();
        } else if (output != null) {
            return List.of(output.toString());
        } else if (response instanceof CommandResponse c && c.getResult() != null) {
            return c.getResult();
        }
        return List.of();
    }

    private static Map<String, String> fields(ManagerResponse response) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Object> attributes = response.getAttributes();
        if (attributes == null) {
            return fields;
        }
        attributes.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (value != null && !NOT_FIELDS.contains(key)) {
                fields.put(headerName(key), value instanceof List<?> l
                        ? l.stream().map(String::valueOf).collect(Collectors.joining("\n")) : value.toString());
            }
        });
        return fields;
    }

    private static String headerName(String lowercase) {
        String known = HEADER_NAMES.get(lowercase);
        if (known != null) {
            return known;
        }
        return lowercase.isEmpty() ? lowercase : Character.toUpperCase(lowercase.charAt(0)) + lowercase.substring(1);
    }

    private static String eventName(ManagerEvent e) {
        if (e instanceof AgentsEvent) {
            return "Agents";
        } else if (e instanceof DbGetResponseEvent) {
            return "DBGetResponse";
        }
        String name = e.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** An ordered field map that skips absent values and writes booleans as AMI does (1/0). */
    private static final class Item {
        final Map<String, String> fields = new LinkedHashMap<>();

        Item(String event) {
            fields.put("Event", event);
        }

        Item put(String name, Object value) {
            if (value != null) {
                fields.put(name, value instanceof Boolean b ? (b ? "1" : "0") : value.toString());
            }
            return this;
        }
    }
}
