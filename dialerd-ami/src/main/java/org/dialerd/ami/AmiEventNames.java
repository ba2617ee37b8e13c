package org.dialerd.ami;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The name an event is counted under: its asterisk-java class without "Event"
 * ({@code AgentConnectEvent} → AgentConnect; our fixed copies lose "FixedEvent" too).
 * asterisk-java keeps no raw event name, and this runs on its event pump for every event,
 * so the name is computed once per class.
 */
final class AmiEventNames {
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = type.getSimpleName();
            for (String suffix : new String[] {"FixedEvent", "Event"}) {
                if (name.endsWith(suffix) && name.length() > suffix.length()) {
                    return name.substring(0, name.length() - suffix.length());
                }
            }
            return name;
        }
    };

    private AmiEventNames() {
    }

    static String of(ManagerEvent event) {
        return of(event.getClass());
    }

    static String of(Class<?> type) {
        return NAMES.get(type);
    }
}
