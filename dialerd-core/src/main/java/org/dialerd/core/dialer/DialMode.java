package org.dialerd.core.dialer;

import java.util.Locale;

/**
 * How a campaign decides what to dial ({@code dialerd_campaign_options.dial_mode}). A campaign
 * without a row dials as the reference did.
 */
public enum DialMode {
    /** The reference PHP daemon's formula (docs/dialer.md, "How many calls"). */
    REFERENCE,
    /** One call per free agent, never more. */
    PROGRESSIVE,
    /** A predictor on live measurements, held under the campaign's abandon target (2-second rule). */
    PREDICTIVE,
    /** The agent sees the call and accepts it before it is dialled. */
    PREVIEW;

    /** The column's word, lower case. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the column's word, any case; an unknown word is refused with the word in the message. */
    public static DialMode of(String word) {
        for (DialMode mode : values()) {
            if (mode.name().equalsIgnoreCase(word == null ? "" : word.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown dial_mode '" + word + "' (reference, progressive, predictive, preview)");
    }
}
