package org.dialerd.sim.actions;

import java.util.Map;

/** manager.conf users: name to secret (all simulated users have read=all, write=all). */
public final class ManagerUsers {

    private final Map<String, String> secrets;

    public ManagerUsers(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    public String secret(String user) {
        return secrets.get(user);
    }
}
