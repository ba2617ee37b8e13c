package org.dialerd.sim.ami;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The session's event mask, from {@code Events: on|off|call,agent,...} (Login or the Events
 * action). An event passes when one of its {@code Privilege} classes is in the mask.
 */
public final class EventFilter {

    public static final EventFilter ALL = new EventFilter(true, Set.of());
    public static final EventFilter NONE = new EventFilter(false, Set.of());

    private final boolean all;
    private final Set<String> classes;

    private EventFilter(boolean all, Set<String> classes) {
        this.all = all;
        this.classes = classes;
    }

    /** Parses an Events/EventMask value the way manager.c's strings_to_mask does. */
    public static EventFilter parse(String mask) {
        String m = mask == null ? "" : mask.trim().toLowerCase(Locale.ROOT);
        if (m.isEmpty() || m.equals("on") || m.equals("yes") || m.equals("true") || m.equals("all")) {
            return ALL;
        }
        if (m.equals("off") || m.equals("no") || m.equals("false") || m.equals("0")) {
            return NONE;
        }
        Set<String> set = Arrays.stream(m.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return set.isEmpty() ? NONE : new EventFilter(false, set);
    }

    public boolean isOff() {
        return !all && classes.isEmpty();
    }

    public boolean accepts(Set<String> eventClasses) {
        if (all) {
            return true;
        }
        for (String c : eventClasses) {
            if (classes.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
