package org.dialerd.core.dialer;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The {@code dont_call.caller_id} values of one dialer round, as stored, with their normalised
 * form ({@link PhoneNumbers}) computed once. {@link CandidatePolicy} normalises a plain collection
 * on every call; the dialer calls it up to three times per campaign and round with the same list
 * (tens of thousands of numbers on a real list), so it hands this instead. As a set it is the
 * stored values, unchanged.
 */
public final class DoNotCallList extends AbstractSet<String> {
    private final Set<String> stored;
    private Set<String> normalized; // computed on first use; the dialer's round runs on one thread

    public DoNotCallList(Set<String> stored) {
        this.stored = java.util.Collections.unmodifiableSet(new java.util.HashSet<>(stored));
    }

    /** Digits only, empty ones left out. */
    Set<String> normalized() {
        if (normalized == null) {
            normalized = CandidatePolicy.normalizeAll(stored);
        }
        return normalized;
    }

    @Override
    public boolean contains(Object o) {
        return stored.contains(o);
    }

    @Override
    public Iterator<String> iterator() {
        return stored.iterator();
    }

    @Override
    public int size() {
        return stored.size();
    }
}
