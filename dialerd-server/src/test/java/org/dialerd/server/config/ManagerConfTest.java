package org.dialerd.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagerConfTest {
    @Test
    void theFirstUserThatMayReadAndWriteIsTaken() {
        Optional<ManagerConf.Login> login = ManagerConf.firstLogin(List.of(
                "; manager.conf",
                "[general]",
                "enabled = yes",
                "secret = not-a-user",
                "read = all",
                "write = all",
                "#include manager_additional.conf",
                "[monitor]",
                "secret = m0n",
                "read = system",
                "[admin]",
                "secret = amp111 ; the FreePBX default",
                "deny=0.0.0.0/0.0.0.0",
                "read = system,call,log,verbose,command,agent,user,config,dtmf,reporting,cdr,dialplan",
                "write = system,call,log,verbose,command,agent,user,config,dtmf,reporting,cdr,dialplan"));
        assertEquals(Optional.of(new ManagerConf.Login("admin", "amp111")), login);
        assertEquals("Login[admin, secret=***]", login.get().toString());
    }

    @Test
    void noUsableUserOrNoFileIsEmpty() {
        assertTrue(ManagerConf.firstLogin(List.of("[general]", "enabled = yes")).isEmpty());
        assertTrue(ManagerConf.firstLogin(Path.of("/nonexistent/manager.conf")).isEmpty());
    }
}
