package org.dialerd.core.spy;

import java.util.Locale;
import java.util.Optional;

/**
 * How a supervisor joins an agent's call, and the ChanSpy options that do it. Every mode has
 * {@code q} (no beep, the spied-on channel's name is not spoken: the agent and the customer must
 * not hear that someone joined), {@code E} (the spy ends when the agent's leg hangs up: one
 * session is one call) and {@code S} (ChanSpy stops instead of waiting when that channel is gone
 * already) and {@code d}: DTMF 4, 5 and 6 switch ChanSpy to listen, whisper and barge inside the
 * call, which is how dialerd switches a live session's mode ({@link #digit}, sent with AMI
 * PlayDTMF and Receive, then audited). Asterisk reports no mode change, so a switch the
 * supervisor keys on the phone itself is not seen by dialerd (docs/protocol.md).
 */
public enum SpyMode {
    /** Hears both sides; nobody hears the supervisor. */
    LISTEN("qdES", "4"),
    /** {@code w}: talks to the spied-on channel (the agent) only; the customer does not hear it. */
    WHISPER("qwdES", "5"),
    /** {@code B}: talks to both the agent and the customer. */
    BARGE("qBdES", "6");

    private final String options;
    private final String digit;

    SpyMode(String options, String digit) {
        this.options = options;
        this.digit = digit;
    }

    /** The DTMF digit that switches a ChanSpy started with {@code d} to this mode. */
    public String digit() {
        return digit;
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
