package org.dialerd.core.dialer;

import java.util.Objects;

/**
 * Where an answered campaign call that no agent took within 2 s is sent: the dialplan that
 * plays the campaign's safe-harbour message and hangs up ({@code dialerd_campaign_options.safe_harbour}).
 */
public record SafeHarbourTarget(String context, String exten, int priority) {
    public SafeHarbourTarget {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
    }

    /**
     * {@code context,exten,priority} as the column holds it ({@code safe-harbour,s,1}).
     *
     * @throws IllegalArgumentException naming the value, when it is not three parts with a positive priority
     */
    public static SafeHarbourTarget parse(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("safe_harbour must be context,exten,priority: '" + value + "'");
        }
        int priority;
        try {
            priority = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("safe_harbour priority must be a number: '" + value + "'", e);
        }
        if (priority < 1) {
            throw new IllegalArgumentException("safe_harbour priority must be 1 or more: '" + value + "'");
        }
        return new SafeHarbourTarget(parts[0].trim(), parts[1].trim(), priority);
    }

    @Override
    public String toString() {
        return context + "," + exten + "," + priority;
    }
}
