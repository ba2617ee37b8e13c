package org.dialerd.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dialerd.ami.AmiSettings;
import org.dialerd.core.settings.DaemonSettings;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;
import org.dialerd.server.config.IniFile;
import org.junit.jupiter.api.Test;

class PbxStartupTest {
    private static DialerdConfig ini(String... lines) {
        return DialerdConfig.fromIni(IniFile.parse(List.of(lines), "t.conf"), false, Path.of("d"));
    }

    @Test
    void valorConfigLoginWithHostColonPort() {
        AmiSettings ami = PbxStartup.amiSettings(ini("; none"), DaemonSettings.fromValorConfig(Map.of(
                "asterisk.asthost", "10.0.0.3:5039", "asterisk.astuser", "dialer", "asterisk.astpass", "pw")))
                .orElseThrow();
        assertEquals("10.0.0.3", ami.host());
        assertEquals(5039, ami.port());
        assertEquals("dialer", ami.username());
    }

    @Test
    void theAsteriskSectionWinsOverValorConfig() {
        AmiSettings ami = PbxStartup.amiSettings(ini("[asterisk]", "host = pbx", "user = u", "secret = s"),
                DaemonSettings.fromValorConfig(Map.of("asterisk.astuser", "other"))).orElseThrow();
        assertEquals("pbx", ami.host());
        assertEquals("u", ami.username());
    }

    @Test
    void noUserMeansNoAmi() {
        assertTrue(PbxStartup.amiSettings(ini("; none"), DaemonSettings.DEFAULTS).isEmpty());
    }

    @Test
    void aBadPortNamesTheRow() {
        assertEquals("valor_config asterisk.asthost = 'pbx:x': bad port", assertThrows(ConfigException.class,
                () -> PbxStartup.amiSettings(ini("; none"), DaemonSettings.fromValorConfig(Map.of(
                        "asterisk.asthost", "pbx:x", "asterisk.astuser", "u")))).getMessage());
    }

    @Test
    void withoutALoginInValorConfigTheManagerConfUserIsUsedAsTheReferenceDoes(@org.junit.jupiter.api.io.TempDir
                                                                               Path dir) throws Exception {
        Path managerConf = java.nio.file.Files.writeString(dir.resolve("manager.conf"),
                "[general]\nenabled = yes\n[admin]\nsecret = amp111\nread = all\nwrite = all\n");
        AmiSettings ami = PbxStartup.amiSettings(ini("; none"), DaemonSettings.DEFAULTS, managerConf).orElseThrow();
        assertEquals("admin", ami.username());
        assertEquals("amp111", ami.secret());
        assertEquals("127.0.0.1", ami.host());
        // A remote asthost, or any user in valor_config, is never completed from the local file.
        assertTrue(PbxStartup.amiSettings(ini("; none"), DaemonSettings.fromValorConfig(Map.of(
                "asterisk.asthost", "10.0.0.9")), managerConf).isEmpty());
        assertEquals("dialer", PbxStartup.amiSettings(ini("; none"), DaemonSettings.fromValorConfig(Map.of(
                "asterisk.astuser", "dialer")), managerConf).orElseThrow().username());
    }
}
