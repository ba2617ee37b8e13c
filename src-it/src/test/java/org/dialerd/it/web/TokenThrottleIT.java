package org.dialerd.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dialerd.eccp.client.EccpClient;
import org.dialerd.eccp.client.EccpResponse;
import org.dialerd.eccp.xml.XmlElement;
import org.dialerd.it.PbxHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token requests go through ECCP's login throttle: failed ones from one address lock it out,
 * for HTTP and ECCP alike (its own dialerd: the lockout would stop other tests' logins).
 */
class TokenThrottleIT {
    private static PbxHarness pbx;

    @BeforeAll
    static void startPbx() {
        pbx = PbxHarness.startMonitored("sql/demo-data.sql");
    }

    @AfterAll
    static void stopPbx() {
        pbx.close();
    }

    @Test
    void failedTokenRequestsLockTheAddressOutOfHttpAndEccp() {
        ApiClient anonymous = new ApiClient(pbx.httpPort());
        String wrong = "{\"username\":\"agentconsole\",\"password\":\"wrong\"}";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, anonymous.post("/api/v1/token", wrong).status());
        }
        ApiClient.Answer locked = anonymous.post("/api/v1/token",
                "{\"username\":\"agentconsole\",\"password\":\"agentconsole\"}");
        assertEquals(429, locked.status(), locked.body().toString());
        assertEquals(429, locked.code());
        assertTrue(locked.message().startsWith("Too many failed logins, retry in "), locked.message());
        try (EccpClient eccp = EccpClient.connect("127.0.0.1", pbx.eccpPort())) {
            EccpResponse.Failure viaEccp = eccp.send(XmlElement.builder("login").add("username", "agentconsole")
                    .add("password", "agentconsole").build()).failure().orElseThrow();
            assertEquals(429, viaEccp.code(), "the same throttle counts ECCP and HTTP logins");
        }
        ApiClient.Answer missing = anonymous.post("/api/v1/token", "{\"username\":\"agentconsole\"}");
        assertEquals(429, missing.status(), "locked out before the request is even checked");
        assertEquals(400, anonymous.post("/api/v1/token", "[not json").status());
    }
}
