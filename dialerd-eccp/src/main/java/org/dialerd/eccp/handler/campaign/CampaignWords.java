package org.dialerd.eccp.handler.campaign;

import java.util.Map;
import java.util.Optional;
import org.dialerd.core.store.CampaignStore.CampaignType;

/** The protocol's words for campaign types and statuses, and their database letters. */
public final class CampaignWords {
    private static final Map<String, CampaignType> TYPES =
            Map.of("incoming", CampaignType.INCOMING, "outgoing", CampaignType.OUTGOING);
    private static final Map<String, String> STATUS_LETTERS = Map.of("active", "A", "inactive", "I", "finished", "T");
    private static final Map<String, String> STATUS_WORDS = Map.of("A", "active", "I", "inactive", "T", "finished");

    private CampaignWords() {
    }

    /** {@code incoming} or {@code outgoing}, case-sensitive. */
    public static Optional<CampaignType> type(String word) {
        return Optional.ofNullable(TYPES.get(word));
    }

    public static String word(CampaignType type) {
        return type == CampaignType.INCOMING ? "incoming" : "outgoing";
    }

    /** {@code active}, {@code inactive} or {@code finished} to 'A', 'I' or 'T'. */
    public static Optional<String> statusLetter(String word) {
        return Optional.ofNullable(STATUS_LETTERS.get(word));
    }

    /** 'A', 'I', 'T' to their words; any other letter is the empty string (the reference's empty element). */
    public static String statusWord(String letter) {
        return letter == null ? "" : STATUS_WORDS.getOrDefault(letter, "");
    }
}
