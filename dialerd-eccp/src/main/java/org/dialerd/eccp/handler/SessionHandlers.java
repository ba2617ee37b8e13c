package org.dialerd.eccp.handler;

import java.util.Map;
import org.dialerd.core.agent.AgentNumber;
import org.dialerd.eccp.protocol.Args;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.Md5;
import org.dialerd.eccp.protocol.Replies;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestContext;
import org.dialerd.eccp.server.RequestHandler;
import org.dialerd.eccp.xml.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Requests about the ECCP session itself: login, logout, request list, filters, maintenance. */
final class SessionHandlers {
    private static final Logger log = LoggerFactory.getLogger(SessionHandlers.class);

    private SessionHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(
                RequestName.GETREQUESTLIST, SessionHandlers::getRequestList,
                RequestName.LOGIN, SessionHandlers::login,
                RequestName.LOGOUT, SessionHandlers::logout,
                RequestName.FILTERBYAGENT, SessionHandlers::filterByAgent,
                RequestName.CALLPROGRESS, SessionHandlers::callProgress,
                RequestName.DUMPSTATUS, SessionHandlers::dumpStatus,
                RequestName.REFRESHAGENTS, SessionHandlers::refreshAgents);
    }

    private static final XmlElement REQUEST_LIST;

    static {
        XmlElement.Builder requests = XmlElement.builder("requests");
        for (RequestName name : RequestName.values()) {
            if (!name.isExtension()) {
                requests.add("request", name.wireName());
            }
        }
        REQUEST_LIST = XmlElement.of(RequestName.GETREQUESTLIST.responseName(), requests.build());
    }

    static XmlElement getRequestList(RequestContext context, XmlElement request) {
        return REQUEST_LIST;
    }

    /** Password in plain text or as its lowercase MD5; both compared with the stored MD5. */
    static XmlElement login(RequestContext context, XmlElement request) {
        String username = Args.required(request, "username");
        String password = Args.required(request, "password");
        boolean valid = context.services().stores().clients().md5PasswordOf(username)
                .map(stored -> stored.equalsIgnoreCase(password) || stored.equalsIgnoreCase(Md5.hex(password)))
                .orElse(false);
        if (!valid) {
            log.info("ECCP login refused for user '{}' from {}", username, context.session().remoteAddress());
            throw EccpFailure.wrapped(401, "Invalid username or password");
        }
        String cookie = context.services().cookies().get();
        context.session().loggedIn(username, cookie);
        return XmlElement.of(RequestName.LOGIN.responseName(),
                XmlElement.empty("success"), XmlElement.text("app_cookie", cookie));
    }

    static XmlElement logout(RequestContext context, XmlElement request) {
        context.closeAfterReply();
        return Replies.success(RequestName.LOGOUT);
    }

    /** Only the {@code word/word} shape is checked; {@code any} removes the filter. */
    static XmlElement filterByAgent(RequestContext context, XmlElement request) {
        String agent = Args.required(request, "agent_number").trim();
        if (agent.equals("any")) {
            context.session().clearAgentFilter();
        } else {
            AgentNumber number = AgentNumber.parse(agent)
                    .orElseThrow(() -> EccpFailure.wrapped(417, "Invalid agent number"));
            context.session().filterByAgent(number);
        }
        return Replies.success(RequestName.FILTERBYAGENT);
    }

    /** {@code enable} missing or not a number means 0, as in the reference. */
    static XmlElement callProgress(RequestContext context, XmlElement request) {
        long enable = Args.phpInt(request.childText("enable").orElse("0"));
        context.session().callProgress(enable != 0);
        return Replies.success(RequestName.CALLPROGRESS);
    }

    static XmlElement dumpStatus(RequestContext context, XmlElement request) {
        log.info("dumpstatus requested by {}: {} agents tracked, AMI {}", context.session().remoteAddress(),
                context.services().agents().size(),
                context.services().pbx().isConnected() ? "connected" : "disconnected");
        context.services().agents().all().stream()
                .sorted(java.util.Comparator.comparingInt(org.dialerd.core.agent.Agent::id))
                .forEach(agent -> log.info("dumpstatus agent {} id={} active={} state={}", agent.channel(), agent.id(),
                        agent.active(), context.services().engine().view(agent.channel())
                                .map(Object::toString).orElse("untracked")));
        return Replies.success(RequestName.DUMPSTATUS);
    }

    static XmlElement refreshAgents(RequestContext context, XmlElement request) {
        var agents = context.services().stores().agents().findAllNow();
        context.services().agents().replaceAll(agents);
        context.services().engine().track(agents);
        log.info("refreshagents: {} agents tracked", agents.size());
        return Replies.success(RequestName.REFRESHAGENTS);
    }
}
