package org.dialerd.eccp.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.dialerd.eccp.protocol.EccpFailure;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The login handler behind a {@link LoginThrottle}: a locked-out address gets, without its
 * password being checked,
 * <pre>{@code
 * <response id="7"><login_response><failure><code>429</code>
 *   <message>Too many failed logins, retry in 30 s</message></failure></login_response></response>
 * }</pre>
 * A 401 from the login handler counts as a failure, a success forgets the address; a malformed
 * login (400) counts as neither. 429 is an extension: the reference has no throttling.
 */
public final class ThrottledLogin implements RequestHandler {
    public static final int TOO_MANY_FAILURES = 429;

    private final RequestHandler login;
    private final LoginThrottle throttle;

    ThrottledLogin(RequestHandler login, LoginThrottle throttle) {
        this.login = login;
        this.throttle = throttle;
    }

    /** {@code handlers} with its login handler throttled. */
    public static Map<RequestName, RequestHandler> around(Map<RequestName, RequestHandler> handlers,
                                                          LoginThrottle throttle) {
        RequestHandler login = handlers.get(RequestName.LOGIN);
        if (login == null) {
            throw new IllegalArgumentException("no login handler to throttle");
        }
        Map<RequestName, RequestHandler> throttled = new EnumMap<>(handlers);
        throttled.put(RequestName.LOGIN, new ThrottledLogin(login, throttle));
        return Map.copyOf(throttled);
    }

    @Override
    public XmlElement handle(RequestContext context, XmlElement request) {
        String address = context.session().clientAddress();
        Optional<Duration> wait = throttle.lockedOut(address);
        if (wait.isPresent()) {
            throw EccpFailure.wrapped(TOO_MANY_FAILURES, "Too many failed logins, retry in "
                    + secondsRoundedUp(wait.get()) + " s");
        }
        try {
            XmlElement answer = login.handle(context, request);
            throttle.succeeded(address);
            return answer;
        } catch (EccpFailure failure) {
            if (failure.code() == 401) {
                throttle.failed(address);
            }
            throw failure;
        }
    }

    private static long secondsRoundedUp(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
