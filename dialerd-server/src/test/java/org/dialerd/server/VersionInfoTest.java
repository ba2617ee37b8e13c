package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionInfoTest {
    @Test
    void theBuildEmbedsTheVersionAndTheCommit() {
        VersionInfo info = VersionInfo.current();
        assertTrue(info.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), info.toString());
        // A build from a clone has the commit; one from a tarball without .git says unknown.
        assertTrue(info.commit().matches("[0-9a-f]{7,40}") || info.commit().equals("unknown"), info.toString());
    }

    @Test
    void valuesMavenDidNotFillAreUnknown() {
        assertEquals("dialerd 1.2.0 (commit unknown)", VersionInfo.of("1.2.0", "${git.commit.id.abbrev}").toString());
        assertEquals("dialerd unknown (commit unknown)", VersionInfo.of(null, " ").toString());
        assertEquals("dialerd 1.2.0 (commit 3da64c7aea)", VersionInfo.of("1.2.0", "3da64c7aea").toString());
    }
}
