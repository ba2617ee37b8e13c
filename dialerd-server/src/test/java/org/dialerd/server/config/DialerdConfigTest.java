package org.dialerd.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialerdConfigTest {
    private static DialerdConfig parse(String... lines) {
        return DialerdConfig.fromIni(IniFile.parse(List.of(lines), "test.conf"), false, Path.of("data"));
    }

    @Test
    void readsTheReferenceDatabaseSection() {
        DialerdConfig config = parse("[database]", "dbhost = 10.0.0.5", "dbuser = asterisk", "dbpass = \"s3cr;t\"");
        DialerdConfig.DatabaseConfig db = config.database().orElseThrow();
        assertEquals("10.0.0.5", db.host());
        assertEquals(3306, db.port());
        assertEquals("call_center", db.name());
        assertEquals("asterisk", db.user());
        assertEquals("s3cr;t", db.password());
    }

    @Test
    void acceptsHostColonPortInDbhost() {
        assertEquals(3307, parse("[database]", "dbhost = localhost:3307").database().orElseThrow().port());
    }

    @Test
    void withoutDatabaseSectionUsesTheEmbeddedDatabase() {
        assertTrue(parse("; nothing", "[eccp]", "port = 20006").database().isEmpty());
    }

    @Test
    void readsEccpLimitsAndAllowList() {
        DialerdConfig config = parse("[eccp]", "port = 20006", "bind_address = 0.0.0.0", "idle_timeout = 60",
                "allowed_clients = 127.0.0.1, 10.0.0.7", "max_packet_bytes = 65536");
        assertEquals(20006, config.eccp().port());
        assertEquals("0.0.0.0", config.eccp().bindAddress());
        assertEquals(Duration.ofSeconds(60), config.eccp().idleTimeout());
        assertEquals(Set.of("127.0.0.1", "10.0.0.7"), config.eccp().allowedClients());
        assertEquals(65536, config.eccp().maxPacketBytes());
    }

    @Test
    void badValueNamesTheKeyAndTheValue() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("[eccp]", "port = twenty"));
        assertEquals("eccp.port = 'twenty': not a whole number", e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse("[eccp]", "port = 70000"));
        assertEquals("eccp.port = '70000': must be between 0 and 65535", e.getMessage());
    }

    @Test
    void malformedLineNamesTheFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("[database]", "dbhost"));
        assertEquals("test.conf:2: expected 'key = value', got 'dbhost'", e.getMessage());
    }

    @Test
    void commandLineEccpPortOverridesTheFile() {
        assertEquals(20010, parse("[eccp]", "port = 20006").withEccpPort(20010).eccp().port());
    }

    @Test
    void amportalConfIsReadFromEtcUnlessTheKeySaysOtherwise() {
        assertEquals(java.util.Optional.of(Path.of("/etc/amportal.conf")), parse("[database]", "dbhost = h")
                .amportalConf());
        assertEquals(java.util.Optional.of(Path.of("/srv/amportal.conf")),
                parse("[freepbx]", "amportal_conf = /srv/amportal.conf").amportalConf());
        assertTrue(parse("[freepbx]", "amportal_conf =").amportalConf().isEmpty(), "empty: not read");
        assertTrue(DialerdConfig.embeddedDefaults(true, Path.of("d")).amportalConf().isEmpty(), "the demo never");
    }

    @Test
    void membershipIsUnsetUnlessChosen() {
        assertTrue(parse("; nothing").agents().membershipFromAstdb().isEmpty());
        assertEquals(java.util.Optional.of(false), parse("[agents]", "membership = table").agents()
                .membershipFromAstdb());
        assertEquals(java.util.Optional.of(true), parse("[agents]", "membership = astdb").agents()
                .membershipFromAstdb());
        assertEquals("agents.membership = 'ldap': expected table or astdb", assertThrows(ConfigException.class,
                () -> parse("[agents]", "membership = ldap")).getMessage());
    }

    @Test
    void readsTheJournalSectionAndDefaultsItUnderTheDataDirectory() {
        DialerdConfig.JournalConfig journal = parse("[journal]", "dir = /var/lib/dialerd/journal",
                "max_bytes = 2097152", "fsync_interval_ms = 20", "id_block = 500").journal();
        assertEquals(new DialerdConfig.JournalConfig(java.util.Optional.of(Path.of("/var/lib/dialerd/journal")),
                2_097_152, 20, 500, org.dialerd.core.store.TakeoverScope.Unowned.AUTO), journal);
        assertEquals(DialerdConfig.JournalConfig.DEFAULTS, parse("[eccp]", "port = 20005").journal());
    }

    @Test
    void refusesUnusableJournalValuesNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("[journal]", "max_bytes = 1000"));
        assertEquals("journal.max_bytes = '1000': must be at least 1048576", e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse("[journal]", "fsync_interval_ms = 0"));
        assertEquals("journal.fsync_interval_ms = '0': must be between 1 and 1000", e.getMessage());
    }

    @Test
    void resyncIntervalDefaultsToAMinuteAndZeroTurnsThePeriodicResyncOff() {
        assertEquals(Duration.ofSeconds(60), parse("[eccp]", "port = 20005").ami().resyncInterval());
        assertEquals(Duration.ofSeconds(15), parse("[ami]", "resync_interval = 15").ami().resyncInterval());
        assertEquals(Duration.ZERO, parse("[ami]", "resync_interval = 0").ami().resyncInterval());
    }

    @Test
    void refusesAResyncIntervalThatIsNotWholeSecondsInRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("[ami]", "resync_interval = -1"));
        assertEquals("ami.resync_interval = '-1': must be between 0 and 86400", e.getMessage());
        e = assertThrows(ConfigException.class, () -> parse("[ami]", "resync_interval = 1m"));
        assertEquals("ami.resync_interval = '1m': not a whole number", e.getMessage());
    }

    @Test
    void rowsOfNoHostAreTakenOverAsConfiguredOrByTheOnlyHost() {
        assertEquals(org.dialerd.core.store.TakeoverScope.Unowned.AUTO,
                parse("[eccp]", "port = 20005").journal().takeOverUnowned());
        assertEquals(org.dialerd.core.store.TakeoverScope.Unowned.YES,
                parse("[journal]", "take_over_unowned = yes").journal().takeOverUnowned());
        ConfigException e = assertThrows(ConfigException.class, () -> parse("[journal]", "take_over_unowned = 1"));
        assertEquals("journal.take_over_unowned = '1': expected auto, yes or no", e.getMessage());
    }
}
