package org.dialerd.core.store;

import java.util.Objects;

/**
 * Whose rows a start-up takeover reads when several dialerd hosts share one database. A row
 * belongs to the host whose journal reserved the id block its id came from
 * ({@code dialerd_id_range}); a host takes over only its own. Rows whose id is in no reserved
 * range were written before dialerd reserved ids (the PHP dialerd, or an older dialerd): they
 * are taken over only when {@code unowned} says so.
 *
 * @param hostId  this host's journal id ({@code journal.id})
 * @param unowned whether rows outside every reserved range are taken over too
 */
public record TakeoverScope(String hostId, boolean unowned) {
    /** {@code journal.take_over_unowned}: whether rows outside every reserved range are taken over. */
    public enum Unowned {
        /** Only by a host that is the only one on the database (no other journal wrote to it). */
        AUTO("auto"),
        YES("yes"),
        NO("no");

        private final String word;

        Unowned(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** From the configuration word; unknown words fail naming the key and the value. */
        public static Unowned of(String word) {
            for (Unowned value : values()) {
                if (value.word.equals(word)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("journal.take_over_unowned = '" + word + "': expected auto, yes or no");
        }
    }

    public TakeoverScope {
        Objects.requireNonNull(hostId, "hostId");
    }

    /** The scope of this host, given the policy and the other hosts that wrote to the database. */
    public static TakeoverScope of(String hostId, Unowned policy, java.util.List<String> otherHosts) {
        boolean unowned = switch (policy) {
            case YES -> true;
            case NO -> false;
            case AUTO -> otherHosts.isEmpty();
        };
        return new TakeoverScope(hostId, unowned);
    }
}
