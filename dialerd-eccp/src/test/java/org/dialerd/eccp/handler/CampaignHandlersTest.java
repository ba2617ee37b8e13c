package org.dialerd.eccp.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dialerd.core.agent.AgentDirectory;
import org.dialerd.core.store.AgentStore;
import org.dialerd.core.store.BreakStore;
import org.dialerd.core.store.CallStore;
import org.dialerd.core.store.CampaignStore.Campaign;
import org.dialerd.core.store.CampaignStore.CampaignSummary;
import org.dialerd.core.store.CampaignStore.CampaignType;
import org.dialerd.core.store.CampaignStore.Dialing;
import org.dialerd.core.store.CampaignStore.ExternalUrl;
import org.dialerd.core.store.CampaignStore.Form;
import org.dialerd.core.store.CampaignStore.FormField;
import org.dialerd.core.store.CampaignStore.IncomingQueue;
import org.dialerd.core.store.CampaignStore.Page;
import org.dialerd.core.store.CampaignStore.QueueWait;
import org.dialerd.core.store.CampaignStore.WaitCount;
import org.dialerd.core.store.ClientStore;
import org.dialerd.core.store.ReportStore;
import org.dialerd.core.store.SettingsStore;
import org.dialerd.core.store.Stores;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.handler.campaign.FakeCampaignStore;
import org.dialerd.eccp.server.Dispatcher;
import org.dialerd.eccp.server.EccpSession;
import org.dialerd.eccp.server.FakeServices;
import org.dialerd.eccp.server.Services;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignHandlersTest {
    private static final String BAD_REQUEST =
            "<response id=\"1\"><failure><code>400</code><message>Bad request</message></failure></response>";

    private final FakeCampaignStore store = new FakeCampaignStore();
    private final EccpSession session = new EccpSession("test");
    private Dispatcher dispatcher;

    @BeforeEach
    void loggedIn() {
        Stores stores = new Stores(unused(ClientStore.class), unused(AgentStore.class), unused(BreakStore.class),
                store, unused(CallStore.class), unused(ReportStore.class), unused(SettingsStore.class),
                unused(org.dialerd.core.store.AuditStore.class),
                unused(org.dialerd.core.store.IncomingCallStore.class),
                unused(org.dialerd.core.store.CampaignStatusStore.class),
                unused(org.dialerd.core.store.OutgoingCallStore.class),
                unused(org.dialerd.core.store.ScheduleStore.class),
                unused(org.dialerd.core.store.RecordingStore.class));
        Services services = Services.builder(stores, new AgentDirectory(), () -> true, FakeServices.CLOCK,
                () -> "0123456789abcdef0123456789abcdef")
                .build();
        dispatcher = new Dispatcher(Handlers.all(), services);
        session.loggedIn("agentconsole", "0123456789abcdef0123456789abcdef");
    }

    private String send(String name, String... childNamesAndTexts) {
        XmlElement.Builder request = XmlElement.builder(name);
        for (int i = 0; i < childNamesAndTexts.length; i += 2) {
            request.add(childNamesAndTexts[i], childNamesAndTexts[i + 1]);
        }
        return dispatcher.dispatch(session, new EccpRequest("1", request.build())).packet().toString();
    }

    private static String response(String body) {
        return "<response id=\"1\">" + body + "</response>";
    }

    // ---- getcampaignlist

    @Test
    void listsCampaignsWithStatusWordsAndEscapedNames() {
        store.campaigns.add(new CampaignSummary(CampaignType.INCOMING, 2, "Campaña entrante", "I"));
        store.campaigns.add(new CampaignSummary(CampaignType.OUTGOING, 3, "A & B", "T"));
        store.campaigns.add(new CampaignSummary(CampaignType.OUTGOING, 4, "Odd", "X"));
        assertEquals(response("<getcampaignlist_response><campaigns>"
                + "<campaign><id>2</id><type>incoming</type><name>Campa&#xF1;a entrante</name><status>inactive</status></campaign>"
                + "<campaign><id>3</id><type>outgoing</type><name>A &amp; B</name><status>finished</status></campaign>"
                + "<campaign><id>4</id><type>outgoing</type><name>Odd</name><status/></campaign>"
                + "</campaigns></getcampaignlist_response>"), send("getcampaignlist"));
        assertEquals(EnumSet.allOf(CampaignType.class), store.lastQuery.types());
        assertEquals(Page.ALL, store.lastQuery.page());
    }

    @Test
    void anEmptyCampaignListIsSelfClosing() {
        assertEquals(response("<getcampaignlist_response><campaigns/></getcampaignlist_response>"),
                send("getcampaignlist", "campaign_type", "outgoing"));
        assertEquals(EnumSet.of(CampaignType.OUTGOING), store.lastQuery.types());
    }

    @Test
    void readsEveryCampaignListFilter() {
        send("getcampaignlist", "campaign_type", "incoming", "status", "finished", "filtername", "Campaña",
                "datetime_start", "2026-10-01", "datetime_end", "2026-01-01", "offset", "1", "limit", "2");
        assertEquals(EnumSet.of(CampaignType.INCOMING), store.lastQuery.types());
        assertEquals(Optional.of("T"), store.lastQuery.status());
        assertEquals(Optional.of("Campaña"), store.lastQuery.nameContains());
        assertEquals(Optional.of("2026-01-01"), store.lastQuery.startsOnOrAfter(), "swapped");
        assertEquals(Optional.of("2026-10-01"), store.lastQuery.startsBefore(), "swapped");
        assertEquals(Page.of(1, 2), store.lastQuery.page());
    }

    @Test
    void limitAloneStartsAtZeroAndNumbersArePhpCasts() {
        send("getcampaignlist", "limit", "2");
        assertEquals(Page.of(0, 2), store.lastQuery.page());
        send("getcampaignlist", "limit", "3x", "offset", "abc");
        assertEquals(Page.of(0, 3), store.lastQuery.page());
        send("getcampaignlist", "limit", "-5", "offset", "-1");
        assertEquals(Page.of(0, 0), store.lastQuery.page());
    }

    @Test
    void refusesCampaignListArgumentsWithTheReferenceDetail() {
        assertEquals(detail("offset without limit"), send("getcampaignlist", "offset", "1"));
        assertEquals(detail("invalid campaign type"), send("getcampaignlist", "campaign_type", "both"));
        assertEquals(detail("invalid campaign type"), send("getcampaignlist", "campaign_type", "Outgoing"));
        assertEquals(detail("invalid status"), send("getcampaignlist", "status", "A"));
        assertEquals(detail("invalid start date"), send("getcampaignlist", "datetime_start", "2026-1-1"));
        assertEquals(detail("invalid end date"), send("getcampaignlist", "datetime_end", "yesterday"));
        assertEquals(detail("invalid end date"), send("getcampaignlist", "datetime_end", "2026-01-01 00:00:00"));
    }

    @Test
    void checksCampaignTypeBeforeStatusBeforeDatesBeforePaging() {
        assertEquals(detail("invalid campaign type"), send("getcampaignlist", "offset", "1", "datetime_start", "x",
                "status", "x", "campaign_type", "x"));
        assertEquals(detail("invalid status"), send("getcampaignlist", "offset", "1", "datetime_start", "x",
                "status", "x"));
        assertEquals(detail("invalid start date"), send("getcampaignlist", "offset", "1", "datetime_end", "x",
                "datetime_start", "x"));
        assertEquals(detail("invalid end date"), send("getcampaignlist", "offset", "1", "datetime_end", "x"));
    }

    @Test
    void acceptsADateFollowedByOneNewlineAsPcreDoes() {
        send("getcampaignlist", "datetime_start", "2026-01-01\n");
        assertEquals(Optional.of("2026-01-01\n"), store.lastQuery.startsOnOrAfter());
    }

    private static String detail(String detail) {
        return response("<failure><code>400</code><message>Bad request - " + detail + "</message></failure>");
    }

    // ---- getcampaigninfo

    private static final List<Form> FORMS = List.of(
            new Form(1, "Encuesta de satisfacción", "Preguntas & respuestas", "A", List.of(
                    new FormField(1, 1, "Nombre", "TEXT", ""),
                    new FormField(2, 2, "Producto", "LIST", "aaa,bbb,ccc"),
                    new FormField(3, 3, "Fecha", "DATE", " 2011-01-01 "),
                    new FormField(4, 4, "Comentarios", "TEXTAREA", "\tSin comentarios\n"),
                    new FormField(5, 5, "Etiqueta", "LABEL", "texto"))),
            new Form(2, "", "", "I", List.of(new FormField(8, 1, "Pago", "LIST", "Efectivo,Tarjeta,"))));

    @Test
    void describesAnOutgoingCampaignInTheReferenceOrder() {
        store.details.put(FakeCampaignStore.key(CampaignType.OUTGOING, 2), new Campaign(CampaignType.OUTGOING, 2,
                "Campaña cobranza", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), LocalTime.of(8, 0),
                LocalTime.of(18, 0, 5), Optional.of("8000"), "I",
                "<p>Buenos d&iacute;as &quot;Co &amp; Co&quot; &#39;x&#39;</p>\nfin",
                Optional.of(new Dialing(3, Optional.of("SIP/troncal-1"), "from-internal", 5)),
                Optional.of(new ExternalUrl("http://crm/?a={__CALL_ID__}&b={Cédula}", "window")), FORMS));
        assertEquals(response("<getcampaigninfo_response><name>Campa&#xF1;a cobranza</name><type>outgoing</type>"
                + "<startdate>2026-01-01</startdate><enddate>2026-06-30</enddate>"
                + "<working_time_starttime>08:00:00</working_time_starttime>"
                + "<working_time_endtime>18:00:05</working_time_endtime><queue>8000</queue><retries>3</retries>"
                + "<trunk>SIP/troncal-1</trunk><context>from-internal</context><maxchan>5</maxchan>"
                + "<status>inactive</status>"
                + "<script>&lt;p&gt;Buenos d&#xED;as \"Co &amp; Co\" &amp;#39;x&amp;#39;&lt;/p&gt;\nfin</script>"
                + "<urltemplate>http://crm/?a={__CALL_ID__}&amp;b={C&#xE9;dula}</urltemplate>"
                + "<urlopentype>window</urlopentype><forms>"
                + "<form id=\"1\" name=\"Encuesta de satisfacci&#xF3;n\" description=\"Preguntas &amp; respuestas\""
                + " status=\"A\">"
                + "<field order=\"1\" id=\"1\"><label>Nombre</label><type>TEXT</type><maxsize>250</maxsize></field>"
                + "<field order=\"2\" id=\"2\"><label>Producto</label><type>LIST</type><maxsize>250</maxsize>"
                + "<options><value>aaa</value><value>bbb</value><value>ccc</value></options></field>"
                + "<field order=\"3\" id=\"3\"><label>Fecha</label><type>DATE</type>"
                + "<default_value>2011-01-01</default_value></field>"
                + "<field order=\"4\" id=\"4\"><label>Comentarios</label><type>TEXTAREA</type><maxsize>250</maxsize>"
                + "<default_value>Sin comentarios</default_value></field>"
                + "<field order=\"5\" id=\"5\"><label>Etiqueta</label><type>LABEL</type>"
                + "<default_value>texto</default_value></field></form>"
                + "<form id=\"2\" status=\"I\"><field order=\"1\" id=\"8\"><label>Pago</label><type>LIST</type>"
                + "<maxsize>250</maxsize><options><value>Efectivo</value><value>Tarjeta</value></options></field>"
                + "</form></forms></getcampaigninfo_response>"),
                send("getcampaigninfo", "campaign_type", "outgoing", "campaign_id", "2"));
    }

    @Test
    void omitsANullTrunkAndEmptiesAMissingUrl() {
        store.details.put(FakeCampaignStore.key(CampaignType.OUTGOING, 1), outgoing(1));
        String answer = send("getcampaigninfo", "campaign_id", "1");
        assertTrue(answer.contains("<retries>1</retries><context>from-internal</context><maxchan>0</maxchan>"
                + "<status>active</status><script>Hello</script><urltemplate/><urlopentype/><forms/>"), answer);
    }

    @Test
    void describesAnIncomingCampaignWithoutDialingSettings() {
        store.details.put(FakeCampaignStore.key(CampaignType.INCOMING, 1), new Campaign(CampaignType.INCOMING, 1,
                "Entrante", LocalDate.of(2026, 11, 21), LocalDate.of(2027, 11, 22), LocalTime.MIDNIGHT,
                LocalTime.of(23, 59, 59), Optional.empty(), "A", "&ndash;", Optional.empty(), Optional.empty(),
                List.of()));
        assertEquals(response("<getcampaigninfo_response><name>Entrante</name><type>incoming</type>"
                + "<startdate>2026-11-21</startdate><enddate>2027-11-22</enddate>"
                + "<working_time_starttime>00:00:00</working_time_starttime>"
                + "<working_time_endtime>23:59:59</working_time_endtime><queue/><status>active</status>"
                + "<script>&#x2013;</script><urltemplate/><urlopentype/><forms/></getcampaigninfo_response>"),
                send("getcampaigninfo", "campaign_type", "incoming", "campaign_id", "1"));
    }

    @Test
    void campaignIdIsAPhpIntegerCast() {
        store.details.put(FakeCampaignStore.key(CampaignType.OUTGOING, 0), outgoing(0));
        store.details.put(FakeCampaignStore.key(CampaignType.OUTGOING, 12), outgoing(12));
        assertTrue(send("getcampaigninfo", "campaign_id", "abc").contains("<name>Campaign 0</name>"));
        assertTrue(send("getcampaigninfo", "campaign_id", "12abc").contains("<name>Campaign 12</name>"));
    }

    @Test
    void anUnknownCampaignIsAWrapped404() {
        assertEquals(response("<getcampaigninfo_response><failure><code>404</code>"
                + "<message>Campaign not found</message></failure></getcampaigninfo_response>"),
                send("getcampaigninfo", "campaign_type", "incoming", "campaign_id", "99"));
    }

    @Test
    void refusesABadTypeOrAMissingIdAtTopLevel() {
        assertEquals(BAD_REQUEST, send("getcampaigninfo", "campaign_type", "foo", "campaign_id", "1"));
        assertEquals(BAD_REQUEST, send("getcampaigninfo", "campaign_type", "outgoing"));
        assertEquals(BAD_REQUEST, send("getcampaigninfo", "campaign_type", "", "campaign_id", "1"));
    }

    private static Campaign outgoing(int id) {
        return new Campaign(CampaignType.OUTGOING, id, "Campaign " + id, LocalDate.of(2026, 11, 21),
                LocalDate.of(2027, 11, 22), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59), Optional.of("8000"), "A",
                "Hello", Optional.of(new Dialing(1, Optional.empty(), "from-internal", 0)), Optional.empty(),
                List.of());
    }

    // ---- getqueuescript

    @Test
    void sendsTheQueueScriptWithoutDecodingEntities() {
        store.queueScripts.put("8002", "<p>se&ntilde;or &amp; cliente…</p>");
        assertEquals(response("<getqueuescript_response><script>&lt;p&gt;se&amp;ntilde;or &amp;amp; cliente&#x2026;"
                + "&lt;/p&gt;</script></getqueuescript_response>"), send("getqueuescript", "queue", "8002"));
    }

    @Test
    void queueIsAPhpIntegerCast() {
        store.queueScripts.put("8001", "");
        assertEquals(response("<getqueuescript_response><script/></getqueuescript_response>"),
                send("getqueuescript", "queue", " 08001"));
        send("getqueuescript", "queue", "abc");
        assertEquals("0", store.lastQueue);
    }

    @Test
    void anUnknownQueueIsAWrapped404AndAMissingOneATopLevel400() {
        assertEquals(response("<getqueuescript_response><failure><code>404</code>"
                + "<message>Queue not found in incoming queues</message></failure></getqueuescript_response>"),
                send("getqueuescript", "queue", "9999"));
        assertEquals(BAD_REQUEST, send("getqueuescript"));
    }

    // ---- getincomingqueuelist

    @Test
    void listsIncomingQueues() {
        store.queues.add(new IncomingQueue(1, Optional.of("8001"), "A"));
        store.queues.add(new IncomingQueue(2, Optional.empty(), "I"));
        assertEquals(response("<getincomingqueuelist_response><queues>"
                + "<queue><id>1</id><queue>8001</queue><status>active</status></queue>"
                + "<queue><id>2</id><queue/><status>inactive</status></queue>"
                + "</queues></getincomingqueuelist_response>"), send("getincomingqueuelist", "limit", "5"));
        assertEquals(Page.of(0, 5), store.lastPage);
    }

    @Test
    void incomingQueueListNeedsALimitWithAnOffset() {
        assertEquals(detail("offset without limit"), send("getincomingqueuelist", "offset", "1"));
        assertEquals(response("<getincomingqueuelist_response><queues/></getincomingqueuelist_response>"),
                send("getincomingqueuelist"));
        assertEquals(Page.ALL, store.lastPage);
    }

    // ---- getcampaignqueuewait

    @Test
    void buildsTheQueueWaitHistogram() {
        store.waits.put(FakeCampaignStore.key(CampaignType.INCOMING, 1), new QueueWait(List.of(
                new WaitCount(OptionalLong.of(4), 2), new WaitCount(OptionalLong.of(18), 1),
                new WaitCount(OptionalLong.of(30), 3), new WaitCount(OptionalLong.empty(), 1)), 6));
        assertEquals(response("<getcampaignqueuewait_response><histogram>"
                + "<interval><lower>0</lower><upper>4</upper><count>3</count></interval>"
                + "<interval><lower>5</lower><upper>9</upper><count>0</count></interval>"
                + "<interval><lower>10</lower><upper>14</upper><count>0</count></interval>"
                + "<interval><lower>15</lower><upper>19</upper><count>1</count></interval>"
                + "<interval><lower>20</lower><upper>24</upper><count>0</count></interval>"
                + "<interval><lower>25</lower><upper>29</upper><count>0</count></interval>"
                + "<interval><lower>30</lower><count>3</count></interval>"
                + "</histogram><abandoned>6</abandoned></getcampaignqueuewait_response>"),
                send("getcampaignqueuewait", "campaign_type", "incoming", "campaign_id", "1"));
    }

    @Test
    void anUnknownCampaignHasAnEmptyHistogram() {
        String answer = send("getcampaignqueuewait", "campaign_type", "outgoing", "campaign_id", "99");
        assertTrue(answer.endsWith("<interval><lower>30</lower><count>0</count></interval></histogram>"
                + "<abandoned>0</abandoned></getcampaignqueuewait_response></response>"), answer);
    }

    @Test
    void queueWaitNeedsBothArgumentsAndAKnownType() {
        assertEquals(BAD_REQUEST, send("getcampaignqueuewait", "campaign_type", "foo", "campaign_id", "1"));
        assertEquals(BAD_REQUEST, send("getcampaignqueuewait", "campaign_id", "1"));
        assertEquals(BAD_REQUEST, send("getcampaignqueuewait", "campaign_type", "outgoing"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(type.getSimpleName() + " not used by this test");
        });
    }
}
