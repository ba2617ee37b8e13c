package org.dialerd.server;

import java.util.List;
import org.dialerd.core.store.TakeoverScope;
import org.dialerd.db.Persistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at start, whose rows the takeover reads: this host's journal's, and rows of no host
 * as {@code journal.take_over_unowned} says ({@code auto}: only when no other journal has written
 * to the database). Says so in one log line, so an administrator of several hosts sees which
 * one adopts the rows the PHP dialerd left.
 */
final class TakeoverScopes {
    private static final Logger log = LoggerFactory.getLogger(TakeoverScopes.class);

    private TakeoverScopes() {
    }

    static TakeoverScope decide(String hostId, Persistence persistence) {
        TakeoverScope.Unowned policy = persistence.journal().unowned();
        List<String> others = policy == TakeoverScope.Unowned.AUTO
                ? persistence.journalTarget().otherHosts(hostId) : List.of();
        TakeoverScope scope = TakeoverScope.of(hostId, policy, others);
        if (!others.isEmpty()) {
            log.info("takeover at start: only rows of journal {} ({} other hosts on this database: {}); rows of no "
                    + "host are left alone (journal.take_over_unowned = auto)", hostId, others.size(), others);
        } else {
            log.info("takeover at start: rows of journal {}; rows of no host (written before dialerd's id blocks) "
                    + "{}", hostId, scope.unowned() ? "too" : "left alone (journal.take_over_unowned = no)");
        }
        return scope;
    }
}
