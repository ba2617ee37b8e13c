package org.dialerd.eccp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.dialerd.eccp.codec.EccpRequest;
import org.dialerd.eccp.handler.Handlers;
import org.dialerd.core.testing.ManualClock;
import org.dialerd.eccp.xml.XmlElement;
import org.junit.jupiter.api.Test;

class ThrottledLoginTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleSettings(3, Duration.ofMinutes(5),
            Duration.ofSeconds(30), Duration.ofMinutes(10), 100), clock);
    private final Dispatcher dispatcher = new Dispatcher(ThrottledLogin.around(Handlers.all(), throttle),
            FakeServices.create(() -> false));

    private String login(EccpSession session, String password) {
        XmlElement login = XmlElement.builder("login").add("username", "agentconsole").add("password", password)
                .build();
        return dispatcher.dispatch(session, new EccpRequest("7", login)).packet().toString();
    }

    @Test
    void refusesEvenTheRightPasswordWhileTheAddressIsLockedOut() {
        EccpSession session = new EccpSession("/10.0.0.1:5000", "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            assertTrue(login(session, "wrong").contains("<code>401</code>"));
        }
        assertEquals("<response id=\"7\"><login_response><failure><code>429</code><message>Too many failed logins, "
                + "retry in 30 s</message></failure></login_response></response>", login(session, "agentconsole"));
        assertFalse(session.isLoggedIn());
    }

    @Test
    void lockoutCoversEveryConnectionFromTheAddressAndNoOther() {
        for (int i = 0; i < 3; i++) {
            login(new EccpSession("/10.0.0.1:" + (5000 + i), "10.0.0.1"), "wrong");
        }
        assertTrue(login(new EccpSession("/10.0.0.1:6000", "10.0.0.1"), "agentconsole").contains("<code>429</code>"));
        assertTrue(login(new EccpSession("/10.0.0.2:6000", "10.0.0.2"), "agentconsole").contains("<success/>"));
    }

    @Test
    void tellsTheRemainingWaitRoundedUpAndLetsTheClientTryAfterIt() {
        EccpSession session = new EccpSession("/10.0.0.1:5000", "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            login(session, "wrong");
        }
        clock.advance(Duration.ofMillis(20_500));
        assertTrue(login(session, "agentconsole").contains("retry in 10 s"));
        clock.advance(Duration.ofMillis(9_500));
        assertTrue(login(session, "agentconsole").contains("<success/>"));
        assertTrue(session.isLoggedIn());
    }

    @Test
    void successfulLoginResetsTheCount() {
        EccpSession session = new EccpSession("/10.0.0.1:5000", "10.0.0.1");
        login(session, "wrong");
        login(session, "wrong");
        login(session, "agentconsole");
        login(session, "wrong");
        login(session, "wrong");
        assertTrue(login(session, "agentconsole").contains("<success/>"));
    }

    @Test
    void malformedLoginIsNotCountedAsAFailedPassword() {
        EccpSession session = new EccpSession("/10.0.0.1:5000", "10.0.0.1");
        XmlElement noPassword = XmlElement.builder("login").add("username", "agentconsole").build();
        for (int i = 0; i < 5; i++) {
            dispatcher.dispatch(session, new EccpRequest("1", noPassword));
        }
        assertEquals(0, throttle.trackedAddresses());
    }
}
