package org.dialerd.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dialerd.core.store.MembershipSource.Membership;
import org.junit.jupiter.api.Test;

class AstdbMembershipSourceTest {
    private static final List<String> OUTPUT = List.of(
            "/QPENALTY/8000/agents/1064                        : 0",
            "/QPENALTY/8000/dynmemberonly                      : no",
            "/QPENALTY/8001/agents/1064                        : 2",
            "/QPENALTY/8001/agents/1065                        : 1",
            "4 results found.");

    @Test
    void readsTheAgentsQueuesAndPenalties() {
        assertEquals(List.of(new Membership("8000", 0), new Membership("8001", 2)),
                AstdbMembershipSource.parse(OUTPUT, "1064"));
    }

    @Test
    void agentWithoutKeysHasNoQueues() {
        assertEquals(List.of(), AstdbMembershipSource.parse(OUTPUT, "1099"));
    }

    @Test
    void emptyAstdbHasNoQueues() {
        assertEquals(List.of(), AstdbMembershipSource.parse(List.of("0 results found."), "1064"));
    }
}
