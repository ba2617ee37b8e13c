package org.dialerd.eccp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialerd.core.agent.Agent;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.agent.AgentType;
import org.dialerd.core.pbx.PbxGateway;
import org.dialerd.core.store.AgentStore;
import org.dialerd.core.store.BreakStore;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CampaignStore;
import org.dialerd.core.store.ClientStore;
import org.dialerd.core.store.ReportStore;
import org.dialerd.core.store.Stores;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.eccp.xml.XmlWriter;
import org.junit.jupiter.api.Test;

class CallHandlersTest {
    private static final String COOKIE = "0123456789abcdef0123456789abcdef";
    private static final Agent AGENT_9000 =
            new Agent(1, AgentType.AGENT, "9000", "Agent 9000", true, Optional.of("demo"));
    private static final Agent AGENT_9001 =
            new Agent(2, AgentType.AGENT, "9001", "Agent 9001", true, Optional.of("demo"));

    private final FakeCalls calls = new FakeCalls();

    // ---- getcallinfo

    @Test
    void describesAnOutgoingCallInTheReferenceOrder() {
        calls.outgoing.put(1001L, new CallStore.OutgoingCall(1001, 1, "0991000001", "Success", "1795255200.101", 187L,
                at("2026-11-21T10:00:00"), at("2026-11-21T10:00:05"), at("2026-11-21T10:00:06"),
                at("2026-11-21T10:00:08"), at("2026-11-21T10:03:15"), 1, null, null, "Agent/9000", "SIP/troncal-1",
                List.of(new CallStore.CallAttribute("Nombre", "Zoila", 1),
                        new CallStore.CallAttribute(null, "Chacha & Ñauta", 2)),
                List.of(new CallStore.SurveyValue(1, 1, "Nombre del cliente", "Zoila"),
                        new CallStore.SurveyValue(1, 6, "Ciudad", ""),
                        new CallStore.SurveyValue(2, 8, "Forma de pago", "Tarjeta"))));

        XmlElement answer = CallHandlers.getCallInfo(context(), request("getcallinfo",
                "campaign_type", "outgoing", "campaign_id", "1", "call_id", "1001"));

        assertEquals("<getcallinfo_response><calltype>outgoing</calltype><call_id>1001</call_id>"
                + "<campaign_id>1</campaign_id><phone>0991000001</phone><status>Success</status>"
                + "<uniqueid>1795255200.101</uniqueid><duration>187</duration>"
                + "<datetime_originate>2026-11-21 10:00:00</datetime_originate>"
                + "<datetime_originateresponse>2026-11-21 10:00:05</datetime_originateresponse>"
                + "<datetime_join>2026-11-21 10:00:06</datetime_join>"
                + "<datetime_linkstart>2026-11-21 10:00:08</datetime_linkstart>"
                + "<datetime_linkend>2026-11-21 10:03:15</datetime_linkend><retries>1</retries>"
                + "<agent_number>Agent/9000</agent_number><trunk>SIP/troncal-1</trunk>"
                + "<call_attributes><attribute><label>Nombre</label><value>Zoila</value><order>1</order></attribute>"
                + "<attribute><label/><value>Chacha &amp; &#xD1;auta</value><order>2</order></attribute>"
                + "</call_attributes><call_survey><form id=\"1\"><field id=\"1\"><label>Nombre del cliente</label>"
                + "<value>Zoila</value></field><field id=\"6\"><label>Ciudad</label><value/></field></form>"
                + "<form id=\"2\"><field id=\"8\"><label>Forma de pago</label><value>Tarjeta</value></field></form>"
                + "</call_survey></getcallinfo_response>", XmlWriter.toXml(answer));
    }

    @Test
    void neverDialledCallHasOnlyItsIdentityAndRetries() {
        calls.outgoing.put(1L, new CallStore.OutgoingCall(1, 1, "5550000", null, null, null, null, null, null, null,
                null, 0, null, null, null, null, List.of(), List.of()));

        XmlElement answer = CallHandlers.getCallInfo(context(), request("getcallinfo",
                "campaign_id", "1", "call_id", "1"));

        assertEquals("<getcallinfo_response><calltype>outgoing</calltype><call_id>1</call_id>"
                + "<campaign_id>1</campaign_id><phone>5550000</phone><retries>0</retries><call_attributes/>"
                + "<call_survey/></getcallinfo_response>", XmlWriter.toXml(answer));
    }

    @Test
    void describesAnIncomingCallWithItsContacts() {
        CallStore.Contact luis = new CallStore.Contact(3, "Luis", "Andrade", "0987654321", "0934567890", null);
        calls.incoming.put(2L, new CallStore.IncomingCall(2, null, "0987654321", "terminada", "1795339800.202", 120L,
                at("2026-11-22T09:30:00"), at("2026-11-22T09:30:18"), null, "SIP/proveedor", "8001", null,
                Optional.of(luis), List.of(luis), List.of()));

        XmlElement answer = CallHandlers.getCallInfo(context(), request("getcallinfo",
                "campaign_type", "incoming", "campaign_id", "7", "call_id", "2"));

        assertEquals("<getcallinfo_response><calltype>incoming</calltype><call_id>2</call_id>"
                + "<phone>0987654321</phone><status>terminada</status><uniqueid>1795339800.202</uniqueid>"
                + "<duration>120</duration><datetime_join>2026-11-22 09:30:00</datetime_join>"
                + "<datetime_linkstart>2026-11-22 09:30:18</datetime_linkstart><trunk>SIP/proveedor</trunk>"
                + "<queue>8001</queue><call_attributes>"
                + "<attribute><label>first_name</label><value>Luis</value><order>1</order></attribute>"
                + "<attribute><label>last_name</label><value>Andrade</value><order>2</order></attribute>"
                + "<attribute><label>phone</label><value>0987654321</value><order>3</order></attribute>"
                + "<attribute><label>cedula_ruc</label><value>0934567890</value><order>4</order></attribute>"
                + "<attribute><label>contact_source</label><value/><order>5</order></attribute>"
                + "</call_attributes><matching_contacts><contact id=\"3\">"
                + "<attribute><label>first_name</label><value>Luis</value><order>1</order></attribute>"
                + "<attribute><label>last_name</label><value>Andrade</value><order>2</order></attribute>"
                + "<attribute><label>phone</label><value>0987654321</value><order>3</order></attribute>"
                + "<attribute><label>cedula_ruc</label><value>0934567890</value><order>4</order></attribute>"
                + "</contact></matching_contacts><call_survey/></getcallinfo_response>", XmlWriter.toXml(answer));
    }

    @Test
    void getCallInfoRefusesBadArgumentsAtTopLevel() {
        assertTopLevel400(() -> CallHandlers.getCallInfo(context(), request("getcallinfo",
                "campaign_type", "outgoing", "call_id", "1001")));
        assertTopLevel400(() -> CallHandlers.getCallInfo(context(), request("getcallinfo",
                "campaign_type", "incoming")));
        assertTopLevel400(() -> CallHandlers.getCallInfo(context(), request("getcallinfo",
                "campaign_type", "Incoming", "call_id", "1")));
    }

    @Test
    void unknownCallIsNotFound() {
        EccpFailure failure = assertThrows(EccpFailure.class, () -> CallHandlers.getCallInfo(context(),
                request("getcallinfo", "campaign_type", "incoming", "call_id", "99999")));
        assertWrapped(404, "Call not found", failure);
    }

    // ---- setcontact

    @Test
    void setContactChecksCallThenAgentThenContact() {
        calls.agents.put(key(CallStore.CallType.INCOMING, 1), 1L);
        calls.contacts.add(1L);

        assertWrapped(404, "Call ID not found", assertThrows(EccpFailure.class,
                () -> CallHandlers.setContact(context(), setContact(AGENT_9001, "999", "99"))));
        assertWrapped(401, "Unauthorized agent", assertThrows(EccpFailure.class,
                () -> CallHandlers.setContact(context(), setContact(AGENT_9001, "1", "99"))));
        assertWrapped(404, "Contact ID not found", assertThrows(EccpFailure.class,
                () -> CallHandlers.setContact(context(), setContact(AGENT_9000, "1", "99"))));
        assertTrue(calls.assigned.isEmpty());

        XmlElement answer = CallHandlers.setContact(context(), setContact(AGENT_9000, "1", "1"));

        assertEquals("<setcontact_response><success/></setcontact_response>", XmlWriter.toXml(answer));
        assertEquals(Map.of(1L, 1L), calls.assigned);
    }

    @Test
    void setContactRefusesACallNobodyAnswered() {
        calls.agents.put(key(CallStore.CallType.INCOMING, 3), null);
        calls.contacts.add(1L);
        assertWrapped(401, "Unauthorized agent", assertThrows(EccpFailure.class,
                () -> CallHandlers.setContact(context(), setContact(AGENT_9000, "3", "1"))));
    }

    @Test
    void setContactChecksTheAgentHashBeforeItsArguments() {
        XmlElement noContact = request("setcontact", "agent_number", "Agent/9000", "agent_hash", "bad", "call_id", "1");
        assertWrapped(401, "Unauthorized agent", assertThrows(EccpFailure.class,
                () -> CallHandlers.setContact(context(), noContact)));
        XmlElement valid = request("setcontact", "agent_number", "Agent/9000", "agent_hash", hash(AGENT_9000),
                "call_id", "1");
        assertTopLevel400(() -> CallHandlers.setContact(context(), valid));
    }

    // ---- saveformdata

    @Test
    void savesValidatedValuesForTheCallType() {
        calls.agents.put(key(CallStore.CallType.INCOMING, 1), 1L);
        calls.fields.add(new CallStore.FormField(2, 1, "Producto", "aaa,bbb,ccc,", "LIST", 2));
        calls.fields.add(new CallStore.FormField(5, 1, "Datos", "", "LABEL", 5));

        XmlElement answer = CallHandlers.saveFormData(context(), saveFormData(AGENT_9000, "incoming", "1",
                form(1, field(2, "aaa"), field(5, "ignored"))));

        assertEquals("<saveformdata_response><success/></saveformdata_response>", XmlWriter.toXml(answer));
        assertEquals(List.of("INCOMING 1 [FieldValue[fieldId=2, value=aaa]]"), calls.saved);
    }

    @Test
    void unknownCallOrCallOfAnotherAgentIsUnauthorized() {
        calls.agents.put(key(CallStore.CallType.OUTGOING, 1001), 1L);
        assertWrapped(401, "Unauthorized agent", assertThrows(EccpFailure.class, () -> CallHandlers.saveFormData(
                context(), saveFormData(AGENT_9001, "outgoing", "1001", form(1, field(1, "x"))))));
        assertWrapped(401, "Unauthorized agent", assertThrows(EccpFailure.class, () -> CallHandlers.saveFormData(
                context(), saveFormData(AGENT_9000, "outgoing", "99999", form(1, field(1, "x"))))));
        // The call is an outgoing one: as incoming it does not exist.
        assertWrapped(401, "Unauthorized agent", assertThrows(EccpFailure.class, () -> CallHandlers.saveFormData(
                context(), saveFormData(AGENT_9000, "incoming", "1001", form(1, field(1, "x"))))));
        assertTrue(calls.saved.isEmpty());
    }

    @Test
    void invalidValueStoresNothing() {
        calls.agents.put(key(CallStore.CallType.OUTGOING, 1001), 1L);
        calls.fields.add(new CallStore.FormField(1, 1, "Nombre", "", "TEXT", 1));
        calls.fields.add(new CallStore.FormField(3, 1, "Fecha", "", "DATE", 3));

        EccpFailure failure = assertThrows(EccpFailure.class, () -> CallHandlers.saveFormData(context(),
                saveFormData(AGENT_9000, "outgoing", "1001", form(1, field(1, "ok"), field(3, "bad")))));

        assertEquals(406, failure.code());
        assertTrue(calls.saved.isEmpty());
    }

    @Test
    void saveFormDataRefusesMalformedRequestsAtTopLevel() {
        calls.agents.put(key(CallStore.CallType.OUTGOING, 1001), 1L);
        String hash = hash(AGENT_9000);
        assertTopLevel400(() -> CallHandlers.saveFormData(context(), request("saveformdata",
                "agent_number", "Agent/9000", "agent_hash", hash, "campaign_type", "foo", "call_id", "1001")));
        assertTopLevel400(() -> CallHandlers.saveFormData(context(), request("saveformdata",
                "agent_number", "Agent/9000", "agent_hash", hash, "call_id", "1001")));
        assertTopLevel400(() -> CallHandlers.saveFormData(context(),
                saveFormData(AGENT_9000, "outgoing", "1001", form(1), form(1))));
        assertTopLevel400(() -> CallHandlers.saveFormData(context(), request("saveformdata")));
    }

    @Test
    void emptyFormsSucceedForTheCallsAgent() {
        calls.agents.put(key(CallStore.CallType.OUTGOING, 1001), 1L);
        XmlElement answer = CallHandlers.saveFormData(context(), saveFormData(AGENT_9000, "outgoing", "1001"));
        assertEquals("<saveformdata_response><success/></saveformdata_response>", XmlWriter.toXml(answer));
    }

    // ---- helpers

    private static LocalDateTime at(String isoDateTime) {
        return LocalDateTime.parse(isoDateTime);
    }

    private static String key(CallStore.CallType type, long callId) {
        return type + "/" + callId;
    }

    private static String hash(Agent agent) {
        return Md5.agentHash(COOKIE, agent.channel(), agent.eccpPassword().orElseThrow());
    }

    private static XmlElement request(String name, String... namesAndValues) {
        XmlElement.Builder request = XmlElement.builder(name);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return request.build();
    }

    private static XmlElement setContact(Agent agent, String callId, String contactId) {
        return request("setcontact", "agent_number", agent.channel(), "agent_hash", hash(agent),
                "call_id", callId, "contact_id", contactId);
    }

    private static XmlElement saveFormData(Agent agent, String type, String callId, XmlElement... forms) {
        return XmlElement.builder("saveformdata")
                .add("agent_number", agent.channel())
                .add("agent_hash", hash(agent))
                .add("campaign_type", type)
                .add("call_id", callId)
                .add(XmlElement.of("forms", forms))
                .build();
    }

    private static XmlElement form(long id, XmlElement... fields) {
        return XmlElement.builder("form").attribute("id", id).addAll(List.of(fields)).build();
    }

    private static XmlElement field(long id, String value) {
        return XmlElement.builder("field").attribute("id", id).text(value).build();
    }

    private static void assertTopLevel400(Runnable handlerCall) {
        EccpFailure failure = assertThrows(EccpFailure.class, handlerCall::run);
        assertEquals(400, failure.code());
        assertEquals("Bad request", failure.getMessage());
        assertFalse(failure.isWrapped());
    }

    private static void assertWrapped(int code, String message, EccpFailure failure) {
        assertEquals(code, failure.code());
        assertEquals(message, failure.getMessage());
        assertTrue(failure.isWrapped());
    }

    private RequestContext context() {
        EccpSession session = new EccpSession("test");
        session.loggedIn("agentconsole", COOKIE);
        AgentStore agents = new AgentStore() {
            @Override
            public List<Agent> findAll() {
                return List.of(AGENT_9000, AGENT_9001);
            }

            @Override
            public Optional<Agent> findByChannel(String type, String number) {
                return findAll().stream().filter(a -> a.channel().equals(type + "/" + number)).findFirst();
            }
        };
        Stores stores = new Stores(unused(ClientStore.class), agents, unused(BreakStore.class),
                unused(CampaignStore.class), calls, unused(ReportStore.class), java.util.Map::of,
                unused(org.dialerd.core.store.AuditStore.class),
                unused(org.dialerd.core.store.IncomingCallStore.class),
                unused(org.dialerd.core.store.CampaignStatusStore.class),
                unused(org.dialerd.core.store.OutgoingCallStore.class),
                unused(org.dialerd.core.store.ScheduleStore.class),
                unused(org.dialerd.core.store.RecordingStore.class));
        Services services = Services.builder(stores, new AgentDirectory(), PbxGateway.disconnected(),
                Clock.systemUTC(), () -> COOKIE)
                .build();
        return new RequestContext(session, RequestName.GETCALLINFO, services);
    }

    /** A store these handlers must not touch. */
    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new AssertionError("unexpected call " + type.getSimpleName() + "." + method.getName());
        }));
    }

    /** Calls in memory; records what the handlers write. */
    private static final class FakeCalls implements CallStore {
        final Map<Long, OutgoingCall> outgoing = new HashMap<>();
        final Map<Long, IncomingCall> incoming = new HashMap<>();
        final Map<String, Long> agents = new HashMap<>();
        final List<Long> contacts = new ArrayList<>();
        final List<FormField> fields = new ArrayList<>();
        final Map<Long, Long> assigned = new HashMap<>();
        final List<String> saved = new ArrayList<>();

        @Override
        public Optional<OutgoingCall> findOutgoing(long campaignId, long callId) {
            return Optional.ofNullable(outgoing.get(callId)).filter(call -> call.campaignId() == campaignId);
        }

        @Override
        public Optional<IncomingCall> findIncoming(long callId) {
            return Optional.ofNullable(incoming.get(callId));
        }

        @Override
        public Optional<CallAgent> findCallAgent(CallType type, long callId) {
            String key = key(type, callId);
            return agents.containsKey(key) ? Optional.of(new CallAgent(agents.get(key))) : Optional.empty();
        }

        @Override
        public boolean contactExists(long contactId) {
            return contacts.contains(contactId);
        }

        @Override
        public List<Contact> contactsByPhone(String phone) {
            return List.of();
        }

        @Override
        public void assignContact(long callId, long contactId) {
            assigned.put(callId, contactId);
        }

        @Override
        public List<FormField> findFormFields(Collection<Long> formIds) {
            return fields.stream().filter(field -> formIds.contains(field.formId())).toList();
        }

        @Override
        public void saveFormValues(CallType type, long callId, List<FieldValue> values) {
            saved.add(type + " " + callId + " " + values);
        }
    }
}
