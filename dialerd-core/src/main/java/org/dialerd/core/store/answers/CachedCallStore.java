package org.dialerd.core.store.answers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.dialerd.core.store.CallStore;

/**
 * getcallinfo's reads from the {@link AnswerCache}; the writes (setcontact, saveformdata) go to
 * the database and then invalidate, the other reads (checks before a write) always read it.
 */
final class CachedCallStore implements CallStore {
    private record Outgoing(long campaignId, long callId) {}

    private record Incoming(long callId) {}

    private final CallStore store;
    private final AnswerCache cache;

    CachedCallStore(CallStore store, AnswerCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public Optional<OutgoingCall> findOutgoing(long campaignId, long callId) {
        return cache.get(new Outgoing(campaignId, callId), () -> store.findOutgoing(campaignId, callId));
    }

    @Override
    public Optional<IncomingCall> findIncoming(long callId) {
        return cache.get(new Incoming(callId), () -> store.findIncoming(callId));
    }

    @Override
    public Optional<CallAgent> findCallAgent(CallType type, long callId) {
        return store.findCallAgent(type, callId);
    }

    @Override
    public boolean contactExists(long contactId) {
        return store.contactExists(contactId);
    }

    @Override
    public List<Contact> contactsByPhone(String phone) {
        return store.contactsByPhone(phone);
    }

    @Override
    public void assignContact(long callId, long contactId) {
        try {
            store.assignContact(callId, contactId);
        } finally {
            cache.invalidateAll();
        }
    }

    @Override
    public List<FormField> findFormFields(Collection<Long> formIds) {
        return store.findFormFields(formIds);
    }

    @Override
    public void saveFormValues(CallType type, long callId, List<FieldValue> values) {
        try {
            store.saveFormValues(type, callId, values);
        } finally {
            cache.invalidateAll();
        }
    }
}
