package org.dialerd.sim.actions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.dialerd.sim.ami.AmiMessage;
import org.dialerd.sim.ami.EventFilter;

/** Login (plain and MD5 challenge), Challenge, Logoff, Events, Ping. */
final class SessionActions {

    private static final DateTimeFormatter EVENT_TV =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final Random CHALLENGES = new Random(4711);

    private SessionActions() {
    }

    static void register(Map<String, ActionHandler> m) {
        m.put("login", SessionActions::login);
        m.put("challenge", SessionActions::challenge);
        m.put("logoff", SessionActions::logoff);
        m.put("events", SessionActions::events);
        m.put("ping", SessionActions::ping);
    }

    static void challenge(ActionContext ctx) {
        if (!ctx.header("AuthType").equalsIgnoreCase("md5")) {
            ctx.error("Must specify AuthType");
            return;
        }
        String c;
        synchronized (CHALLENGES) {
            c = Integer.toString(100_000_000 + CHALLENGES.nextInt(900_000_000));
        }
        ctx.session().challenge(c);
        ctx.send(ctx.response("Success").add("Challenge", c).build());
    }

    static void login(ActionContext ctx) {
        String user = ctx.header("Username");
        String secret = ctx.users().secret(user);
        boolean ok;
        if (secret == null) {
            ok = false;
        } else if (!ctx.header("Key").isEmpty()) {
            String challenge = ctx.session().challenge();
            ok = challenge != null && md5(challenge + secret).equalsIgnoreCase(ctx.header("Key"));
        } else {
            ok = secret.equals(ctx.action().getOrEmpty("Secret"));
        }
        if (!ok) {
            ctx.error("Authentication failed");
            ctx.session().closeAfterFlush();
            return;
        }
        String events = ctx.action().get("Events").orElse("on");
        ctx.session().authenticated(user, EventFilter.parse(events));
        ctx.engine().addSession(ctx.session());
        ctx.success("Authentication accepted");
        // A login while a restarted Asterisk still boots gets FullyBooted later, as a broadcast.
        if (ctx.pbx().fullyBooted()) {
            long uptime = ctx.pbx().uptimeSeconds();
            ctx.send(AmiMessage.event("FullyBooted").add("Privilege", "system,all").add("Uptime", uptime)
                    .add("LastReload", uptime).add("Status", "Fully Booted").build());
        }
        String now = EVENT_TV.format(Instant.ofEpochMilli(ctx.pbx().channels().epochMillis()));
        ctx.send(security("SuccessfulAuth", ctx, "Informational", now).add("AccountID", user)
                .add("SessionID", sessionId(ctx)).add("LocalAddress", ctx.session().localAddress())
                .add("RemoteAddress", ctx.session().remoteAddress()).add("UsingPassword", "0")
                .add("SessionTV", now).build());
    }

    /** Sent to the offending session only, like Asterisk's security events to a logged-in user. */
    static void requestBadFormat(ActionContext ctx, String action) {
        String now = EVENT_TV.format(Instant.ofEpochMilli(ctx.pbx().channels().epochMillis()));
        AmiMessage e = security("RequestBadFormat", ctx, "Error", now).add("SessionID", sessionId(ctx))
                .add("LocalAddress", ctx.session().localAddress())
                .add("RemoteAddress", ctx.session().remoteAddress()).add("RequestType", "Action: " + action)
                .add("SessionTV", now).add("AccountID", ctx.session().username()).build();
        ctx.session().deliver(e, java.util.Set.of("security"), e.toWire());
    }

    private static AmiMessage.Builder security(String name, ActionContext ctx, String severity, String now) {
        return AmiMessage.event(name).add("Privilege", "security,all").add("EventTV", now)
                .add("Severity", severity).add("Service", "AMI").add("EventVersion", "1");
    }

    private static String sessionId(ActionContext ctx) {
        return String.format("0x%012x", 0x7fd400000000L + ctx.session().id() * 0x1000);
    }

    static void logoff(ActionContext ctx) {
        ctx.send(ctx.response("Goodbye").add("Message", "Thanks for all the fish.").build());
        ctx.engine().removeSession(ctx.session());
        ctx.session().closeAfterFlush();
    }

    static void events(ActionContext ctx) {
        EventFilter f = EventFilter.parse(ctx.header("EventMask"));
        ctx.session().eventFilter(f);
        ctx.send(ctx.response("Success").add("Events", f.isOff() ? "Off" : "On").build());
    }

    static void ping(ActionContext ctx) {
        long micros = ctx.pbx().channels().epochMillis() * 1000;
        ctx.send(ctx.response("Success").add("Ping", "Pong")
                .add("Timestamp", String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000)).build());
    }

    static String md5(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
