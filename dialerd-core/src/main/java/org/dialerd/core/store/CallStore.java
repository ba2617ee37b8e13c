package org.dialerd.core.store;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Calls as stored: outgoing ({@code calls}, {@code call_attribute}, {@code form_data_recolected})
 * and incoming ({@code call_entry}, {@code contact}, {@code form_data_recolected_entry}), plus
 * the form definitions ({@code form_field}) collected data is checked against.
 *
 * <p>Components documented as nullable are {@code null} exactly when the column is NULL.
 */
public interface CallStore {

    /** The two kinds of campaign call, with the names ECCP uses for them. */
    enum CallType {
        INCOMING("incoming"),
        OUTGOING("outgoing");

        private final String wireName;

        CallType(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Exact, case-sensitive match, as the reference compares it. */
        public static Optional<CallType> fromWireName(String name) {
            for (CallType type : values()) {
                if (type.wireName.equals(name)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** A {@code call_attribute} row: one CSV column of an outgoing call. {@code label} is nullable. */
    record CallAttribute(String label, String value, long order) {}

    /** A {@code contact} row. {@code source} ({@code origen}) is nullable. */
    record Contact(long id, String firstName, String lastName, String phone, String cedulaRuc, String source) {}

    /** One collected form value of a call, with the field it answers. */
    record SurveyValue(long formId, long fieldId, String label, String value) {}

    /**
     * A {@code calls} row with its attributes (ordered by column number) and collected
     * values (ordered by form id, then field order).
     *
     * @param status             nullable (a never-dialled call)
     * @param uniqueId           nullable
     * @param duration           nullable
     * @param originate          {@code datetime_originate}, nullable
     * @param originateResponse  {@code fecha_llamada}, nullable
     * @param joined             {@code datetime_entry_queue}, nullable
     * @param linkStart          {@code start_time}, nullable
     * @param linkEnd            {@code end_time}, nullable
     * @param failureCause       nullable
     * @param failureCauseText   nullable
     * @param agentChannel       {@code type/number} of the agent that took the call, nullable
     * @param trunk              nullable
     */
    record OutgoingCall(long id, long campaignId, String phone, String status, String uniqueId, Long duration,
                        LocalDateTime originate, LocalDateTime originateResponse, LocalDateTime joined,
                        LocalDateTime linkStart, LocalDateTime linkEnd, long retries, Long failureCause,
                        String failureCauseText, String agentChannel, String trunk,
                        List<CallAttribute> attributes, List<SurveyValue> survey) {
        public OutgoingCall {
            attributes = List.copyOf(attributes);
            survey = List.copyOf(survey);
        }
    }

    /**
     * A {@code call_entry} row with its queue, the contact assigned to it, the contacts whose
     * phone matches its caller id (ordered by id) and its collected values.
     *
     * @param campaignId     nullable (a call to a queue without campaign)
     * @param status         nullable
     * @param uniqueId       nullable
     * @param duration       nullable
     * @param joined         {@code datetime_entry_queue}, nullable
     * @param linkStart      {@code datetime_init}, nullable
     * @param linkEnd        {@code datetime_end}, nullable
     * @param queue          nullable
     * @param agentChannel   {@code type/number} of the agent that took the call, nullable
     * @param contact        the assigned contact; empty when none is assigned or it no longer exists
     */
    record IncomingCall(long id, Long campaignId, String phone, String status, String uniqueId, Long duration,
                        LocalDateTime joined, LocalDateTime linkStart, LocalDateTime linkEnd, String trunk,
                        String queue, String agentChannel, Optional<Contact> contact,
                        List<Contact> matchingContacts, List<SurveyValue> survey) {
        public IncomingCall {
            matchingContacts = List.copyOf(matchingContacts);
            survey = List.copyOf(survey);
        }
    }

    /**
     * Who took a call: the row's {@code id_agent}.
     *
     * @param agentId nullable (nobody answered it)
     */
    record CallAgent(Long agentId) {
        public boolean answeredBy(long agent) {
            return agentId != null && agentId == agent;
        }
    }

    /** A {@code form_field} row; {@code type} is TEXT, TEXTAREA, DATE, LABEL or LIST. */
    record FormField(long id, long formId, String label, String value, String type, long order) {}

    /** A value to store for one field of a call's form. */
    record FieldValue(long fieldId, String value) {}

    /** The outgoing call {@code callId} if it belongs to campaign {@code campaignId}. */
    Optional<OutgoingCall> findOutgoing(long campaignId, long callId);

    /** The incoming call {@code callId}, whatever its campaign. */
    Optional<IncomingCall> findIncoming(long callId);

    /** Who took the call; empty when there is no such call. */
    Optional<CallAgent> findCallAgent(CallType type, long callId);

    boolean contactExists(long contactId);

    /** The contacts whose phone is {@code phone}, by id (an incoming call's matching contacts). */
    List<Contact> contactsByPhone(String phone);

    /** Assigns a contact to an incoming call ({@code call_entry.id_contact}). */
    void assignContact(long callId, long contactId);

    /** The fields of these forms, ordered by form id, then field order. */
    List<FormField> findFormFields(Collection<Long> formIds);

    /**
     * Stores the values in one transaction, all or none. A value replaces the one the call
     * already has for that field; otherwise it is added.
     */
    void saveFormValues(CallType type, long callId, List<FieldValue> values);
}
