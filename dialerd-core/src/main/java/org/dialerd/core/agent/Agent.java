package org.dialerd.core.agent;

import java.util.Optional;

/**
 * A row of the {@code agent} table.
 *
 * @param eccpPassword empty when the column is NULL: legacy installs accept any agent hash then
 */
public record Agent(int id, AgentType type, String number, String name, boolean active,
                    Optional<String> eccpPassword) {

    /** The name ECCP and Asterisk use, e.g. {@code Agent/9000}. */
    public String channel() {
        return type.wireName() + "/" + number;
    }

    /** Without the password: agents end up in log lines (dumpstatus, events). */
    @Override
    public String toString() {
        return "Agent[id=" + id + ", type=" + type + ", number=" + number + ", name=" + name + ", active=" + active
                + ", eccpPassword=" + (eccpPassword.isEmpty() ? "(none)" : "***") + "]";
    }
}
