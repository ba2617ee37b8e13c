package org.dialerd.eccp.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every ECCP request, in the order getrequestlist reports them, with what it needs before
 * its handler may run. Wire names are case-sensitive ({@code GetPauses} is unknown).
 */
public enum RequestName {
    GETREQUESTLIST(Access.ANYONE, false),
    FILTERBYAGENT(Access.SESSION, false),
    LOGIN(Access.ANYONE, false),
    LOGOUT(Access.ANYONE, false),
    GETQUEUESCRIPT(Access.SESSION, false),
    GETCAMPAIGNLIST(Access.SESSION, false),
    GETINCOMINGQUEUELIST(Access.SESSION, false),
    GETCAMPAIGNQUEUEWAIT(Access.SESSION, false),
    GETCAMPAIGNINFO(Access.SESSION, false),
    GETCALLINFO(Access.SESSION, false),
    SETCONTACT(Access.SESSION, false),
    SAVEFORMDATA(Access.SESSION, false),
    GETPAUSES(Access.SESSION, false),
    LOGINAGENT(Access.SESSION, true),
    LOGOUTAGENT(Access.SESSION, true),
    PAUSEAGENT(Access.SESSION, true),
    PINGAGENT(Access.SESSION, false),
    UNPAUSEAGENT(Access.SESSION, true),
    GETAGENTSTATUS(Access.SESSION, true),
    GETMULTIPLEAGENTSTATUS(Access.SESSION, true),
    MIXMONITORMUTE(Access.SESSION, true),
    MIXMONITORUNMUTE(Access.SESSION, true),
    HANGUP(Access.SESSION, true),
    GETCAMPAIGNSTATUS(Access.SESSION, true),
    GETINCOMINGQUEUESTATUS(Access.SESSION, true),
    SCHEDULECALL(Access.SESSION, true),
    TRANSFERCALL(Access.SESSION, true),
    ATXFERCALL(Access.SESSION, true),
    HOLD(Access.SESSION, false),
    UNHOLD(Access.SESSION, true),
    // Deviation: queue membership comes from dialerd's own table, so these work without AMI.
    GETAGENTQUEUES(Access.SESSION, false),
    GETMULTIPLEAGENTQUEUES(Access.SESSION, false),
    GETAGENTACTIVITYSUMMARY(Access.SESSION, false),
    GETCHANVARS(Access.SESSION, true),
    CALLPROGRESS(Access.SESSION, false),
    CAMPAIGNLOG(Access.SESSION, false),
    DUMPSTATUS(Access.SESSION, false),
    REFRESHAGENTS(Access.SESSION, false),
    // dialerd's extensions (docs/protocol.md, "Extensions"): not in getrequestlist, whose answer
    // stays the reference's.
    SPYAGENT(Access.SESSION, true, true),
    SPYSTOP(Access.SESSION, true, true),
    /** Click-to-call: ring the agent's line, then dial a number. */
    DIALNUMBER(Access.SESSION, true, true),
    ACCEPTPREVIEW(Access.SESSION, true, true),
    REJECTPREVIEW(Access.SESSION, false, true),
    GETCAMPAIGNABANDONSTATUS(Access.SESSION, false, true),
    ENDWRAPUP(Access.SESSION, true, true),
    /** Live service-level statistics per queue and campaign, from memory. */
    GETLIVESTATS(Access.SESSION, false, true);

    /** Who may send a request. Agent hashes are checked by the handlers that need them. */
    public enum Access { ANYONE, SESSION }

    private static final Map<String, RequestName> BY_WIRE_NAME = new HashMap<>();

    static {
        for (RequestName name : values()) {
            BY_WIRE_NAME.put(name.wireName, name);
        }
    }

    private final String wireName;
    private final Access access;
    private final boolean needsPbx;
    private final boolean extension;

    RequestName(Access access, boolean needsPbx) {
        this(access, needsPbx, false);
    }

    RequestName(Access access, boolean needsPbx, boolean extension) {
        this.wireName = name().toLowerCase(java.util.Locale.ROOT);
        this.access = access;
        this.needsPbx = needsPbx;
        this.extension = extension;
    }

    /** A request the reference does not have: answered, but not listed by getrequestlist. */
    public boolean isExtension() {
        return extension;
    }

    public String wireName() {
        return wireName;
    }

    /** The element wrapping this request's answer, e.g. {@code getpauses_response}. */
    public String responseName() {
        return wireName + "_response";
    }

    public Access access() {
        return access;
    }

    /** Whether the reference answers 500 "No AMI connection" while Asterisk is unreachable. */
    public boolean needsPbx() {
        return needsPbx;
    }

    public static Optional<RequestName> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
