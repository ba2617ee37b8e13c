package org.dialerd.core.spy;

import java.util.Locale;
import java.util.Optional;

/**
 * How a supervisor joins an agent's call, and the ChanSpy options that do it. Every mode has
 * {@code q} (no beep, the spied-on channel's name is not spoken: the agent and the customer must
 * not hear that someone joined), {@code E} (the spy ends when the agent's leg hangs up: one
 * session is one call) and {@code S} (ChanSpy stops instead of waiting when that channel is gone
 * already). ChanSpy's {@code d} (DTMF 4/5/6 switch the mode) is left out on purpose: Asterisk
 * reports no mode change, so the audit would name the wrong mode.
 */
public enum SpyMode {
    /** Hears both sides; nobody hears the supervisor. */
    LISTEN("qES"),
    /** {@code w}: talks to the spied-on channel (the agent) only; the customer does not hear it. */
    WHISPER("qwES"),
    /** {@code B}: talks to both the agent and the customer. */
    BARGE("qBES");

    private final String options;

    SpyMode(String options) {
        this.options = options;
    }

    /** {@code listen}, {@code whisper}, {@code barge}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** ChanSpy's option letters for this mode. */
    public String chanSpyOptions() {
        return options;
    }

    /** The mode of a wire name (exact, lowercase), or empty. */
    public static Optional<SpyMode> fromWireName(String text) {
        for (SpyMode mode : values()) {
            if (mode.wireName().equals(text)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
