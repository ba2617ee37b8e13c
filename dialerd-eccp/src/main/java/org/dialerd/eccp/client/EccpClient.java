package org.dialerd.eccp.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.eccp.xml.XmlElement;

/**
 * A Java ECCP client: every request of the protocol as a typed call, answers as
 * {@link EccpResponse}, events to listeners. Thread-safe; requests may be pipelined with
 * {@link #sendAsync}.
 *
 * <pre>{@code
 * try (EccpClient eccp = EccpClient.connect("127.0.0.1", 20005)) {
 *     eccp.login("agentconsole", "agentconsole");
 *     AgentCredentials agent = new AgentCredentials("Agent/9000", "demo");
 *     eccp.onEvent(event -> System.out.println(event));
 *     eccp.loginAgent(agent, "1001");
 *     EccpResponse status = eccp.getAgentStatus("Agent/9000");
 * }
 * }</pre>
 */
public final class EccpClient implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final EccpConnection connection;
    private final Duration timeout;
    private volatile String appCookie;

    EccpClient(EccpConnection connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    public static EccpClient connect(String host, int port) {
        return connect(host, port, DEFAULT_TIMEOUT);
    }

    /** {@code timeout} bounds the connect and every synchronous call. */
    public static EccpClient connect(String host, int port, Duration timeout) {
        return new EccpClient(new EccpConnection(host, port, timeout, Optional.empty()), timeout);
    }

    /**
     * ECCP over TLS: the server's certificate must be trusted by {@code tls} and name {@code host}.
     * Fails with {@link EccpClientException} when the handshake does not succeed within {@code timeout}.
     */
    public static EccpClient connect(String host, int port, Duration timeout, ClientTls tls) {
        return new EccpClient(new EccpConnection(host, port, timeout, Optional.of(tls)), timeout);
    }

    // ---- transport --------------------------------------------------------------------

    /** Sends a request element (e.g. {@code <getpauses/>}) without waiting. */
    public CompletableFuture<EccpResponse> sendAsync(XmlElement request) {
        return connection.send(request);
    }

    /** Sends a request element and waits for its answer (at most the timeout given at connect). */
    public EccpResponse send(XmlElement request) {
        return connection.sendAndWait(request, timeout);
    }

    /** Builds {@code <name><k1>v1</k1>…</name>} from name/value pairs; null values are left out. */
    public EccpResponse request(String name, Object... namesAndValues) {
        return send(RequestElements.element(name, namesAndValues));
    }

    /** Receives every {@code <event>} packet, on the connection's I/O thread. */
    public void onEvent(Consumer<XmlElement> listener) {
        connection.addEventListener(listener);
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /** Completes when the server closes the connection (after logout, say). */
    public CompletableFuture<Void> closed() {
        return connection.closed();
    }

    @Override
    public void close() {
        connection.close();
    }

    public String appCookie() {
        return appCookie;
    }

    /** {@code md5(app_cookie + agent_number + password)}; needs a successful login first. */
    public String agentHash(AgentCredentials agent) {
        if (appCookie == null) {
            throw new IllegalStateException("log in before computing agent hashes");
        }
        return Md5.agentHash(appCookie, agent.agentNumber(), agent.password());
    }

    // ---- session ----------------------------------------------------------------------

    /** Logs in sending the password's MD5, as the PHP client does; returns the app cookie. */
    public String login(String username, String password) {
        EccpResponse response = request("login", "username", username, "password", Md5.hex(password));
        appCookie = response.orThrow().childText("app_cookie")
                .orElseThrow(() -> new EccpClientException("login answer without app_cookie"));
        return appCookie;
    }

    public EccpResponse logout() {
        return request("logout");
    }

    public EccpResponse getRequestList() {
        return request("getrequestlist");
    }

    public EccpResponse filterByAgent(String agentNumberOrAny) {
        return request("filterbyagent", "agent_number", agentNumberOrAny);
    }

    public EccpResponse callProgress(boolean enable) {
        return request("callprogress", "enable", enable ? 1 : 0);
    }

    public EccpResponse dumpStatus() {
        return request("dumpstatus");
    }

    public EccpResponse refreshAgents() {
        return request("refreshagents");
    }

    // ---- campaigns and queues ---------------------------------------------------------

    public EccpResponse getQueueScript(String queue) {
        return request("getqueuescript", "queue", queue);
    }

    /** All arguments optional (null): type, status, name filter, start/end dates, offset, limit. */
    public EccpResponse getCampaignList(String campaignType, String status, String filterName, String datetimeStart,
                                        String datetimeEnd, Integer offset, Integer limit) {
        return request("getcampaignlist", "campaign_type", campaignType, "status", status, "filtername", filterName,
                "datetime_start", datetimeStart, "datetime_end", datetimeEnd, "offset", offset, "limit", limit);
    }

    public EccpResponse getIncomingQueueList() {
        return request("getincomingqueuelist");
    }

    public EccpResponse getCampaignInfo(String campaignType, int campaignId) {
        return request("getcampaigninfo", "campaign_type", campaignType, "campaign_id", campaignId);
    }

    public EccpResponse getCampaignQueueWait(String campaignType, int campaignId) {
        return request("getcampaignqueuewait", "campaign_type", campaignType, "campaign_id", campaignId);
    }

    public EccpResponse getCampaignStatus(String campaignType, int campaignId, String datetimeStart) {
        return request("getcampaignstatus", "campaign_type", campaignType, "campaign_id", campaignId,
                "datetime_start", datetimeStart);
    }

    public EccpResponse getIncomingQueueStatus(String queue, String datetimeStart) {
        return request("getincomingqueuestatus", "queue", queue, "datetime_start", datetimeStart);
    }

    /** campaignId or queue (incoming); dates yyyy-mm-dd; lastN/idBefore optional. */
    public EccpResponse campaignLog(String campaignType, Integer campaignId, String queue, String datetimeStart,
                                    String datetimeEnd, Integer lastN, Integer idBefore) {
        return request("campaignlog", "campaign_type", campaignType, "campaign_id", campaignId, "queue", queue,
                "datetime_start", datetimeStart, "datetime_end", datetimeEnd, "last_n", lastN,
                "idbefore", idBefore);
    }

    // ---- calls and forms --------------------------------------------------------------

    public EccpResponse getCallInfo(String campaignType, Integer campaignId, int callId) {
        return request("getcallinfo", "campaign_type", campaignType, "campaign_id", campaignId, "call_id", callId);
    }

    public EccpResponse setContact(AgentCredentials agent, int callId, int contactId) {
        return agentRequest("setcontact", agent, "call_id", callId, "contact_id", contactId);
    }

    /** {@code values}: form id → (field id → value). */
    public EccpResponse saveFormData(AgentCredentials agent, String campaignType, int callId,
                                     Map<Integer, Map<Integer, String>> values) {
        return send(RequestElements.saveFormData(agent.agentNumber(), agentHash(agent), campaignType, callId,
                values));
    }

    public EccpResponse getPauses() {
        return request("getpauses");
    }

    // ---- agents -----------------------------------------------------------------------

    public EccpResponse loginAgent(AgentCredentials agent, String extension) {
        return agentRequest("loginagent", agent, "extension", extension);
    }

    /** With {@code timeout} seconds: the agent is logged out unless pinged (pingagent) in time. */
    public EccpResponse loginAgent(AgentCredentials agent, String extension, String password, Integer timeout) {
        return agentRequest("loginagent", agent, "extension", extension, "password", password, "timeout", timeout);
    }

    public EccpResponse logoutAgent(AgentCredentials agent) {
        return agentRequest("logoutagent", agent);
    }

    public EccpResponse pauseAgent(AgentCredentials agent, int breakId) {
        return agentRequest("pauseagent", agent, "pause_type", breakId);
    }

    /** Extension: ends the agent's after-call work now (docs/protocol.md, "Extensions"). */
    public EccpResponse endWrapup(AgentCredentials agent) {
        return agentRequest("endwrapup", agent);
    }

    public EccpResponse unpauseAgent(AgentCredentials agent) {
        return agentRequest("unpauseagent", agent);
    }

    public EccpResponse pingAgent(AgentCredentials agent) {
        return agentRequest("pingagent", agent);
    }

    public EccpResponse getAgentStatus(String agentNumber) {
        return request("getagentstatus", "agent_number", agentNumber);
    }

    public EccpResponse getMultipleAgentStatus(List<String> agentNumbers) {
        return send(RequestElements.withAgentList("getmultipleagentstatus", agentNumbers));
    }

    public EccpResponse getAgentQueues(String agentNumber) {
        return request("getagentqueues", "agent_number", agentNumber);
    }

    public EccpResponse getMultipleAgentQueues(List<String> agentNumbers) {
        return send(RequestElements.withAgentList("getmultipleagentqueues", agentNumbers));
    }

    public EccpResponse getAgentActivitySummary(String datetimeStart, String datetimeEnd) {
        return request("getagentactivitysummary", "datetime_start", datetimeStart, "datetime_end", datetimeEnd);
    }

    // ---- supervisors (extensions) -------------------------------------------------------

    /** spyagent: ring {@code extension} into the agent's call; {@code mode} listen, whisper or barge. */
    public EccpResponse spyAgent(String agentNumber, String extension, String mode) {
        return request("spyagent", "agent_number", agentNumber, "extension", extension, "mode", mode);
    }

    /** spystop: hang up this client's spy call on the agent. */
    public EccpResponse spyStop(String agentNumber) {
        return request("spystop", "agent_number", agentNumber);
    }

    // ---- call control -----------------------------------------------------------------

    public EccpResponse hangup(AgentCredentials agent) {
        return agentRequest("hangup", agent);
    }

    public EccpResponse hold(AgentCredentials agent) {
        return agentRequest("hold", agent);
    }

    public EccpResponse unhold(AgentCredentials agent) {
        return agentRequest("unhold", agent);
    }

    public EccpResponse transferCall(AgentCredentials agent, String extension) {
        return agentRequest("transfercall", agent, "extension", extension);
    }

    public EccpResponse atxferCall(AgentCredentials agent, String extension) {
        return agentRequest("atxfercall", agent, "extension", extension);
    }

    public EccpResponse getChanVars(AgentCredentials agent) {
        return agentRequest("getchanvars", agent);
    }

    public EccpResponse mixMonitorMute(AgentCredentials agent, Integer timeoutSeconds) {
        return agentRequest("mixmonitormute", agent, "timeout", timeoutSeconds);
    }

    public EccpResponse mixMonitorUnmute(AgentCredentials agent) {
        return agentRequest("mixmonitorunmute", agent);
    }

    /** Schedule fields (date_init, date_end, time_init, time_end) and the rest may be null. */
    public EccpResponse scheduleCall(AgentCredentials agent, String campaignType, String dateInit, String dateEnd,
                                     String timeInit, String timeEnd, boolean sameAgent, String newPhone,
                                     String newContactName) {
        return send(RequestElements.scheduleCall(agent.agentNumber(), agentHash(agent), campaignType, dateInit,
                dateEnd, timeInit, timeEnd, sameAgent, newPhone, newContactName));
    }

    // ---- helpers ----------------------------------------------------------------------

    private EccpResponse agentRequest(String name, AgentCredentials agent, Object... namesAndValues) {
        return send(RequestElements.agentElement(name, agent.agentNumber(), agentHash(agent), namesAndValues));
    }
}
