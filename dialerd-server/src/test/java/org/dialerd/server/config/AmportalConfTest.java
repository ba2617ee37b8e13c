package org.dialerd.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AmportalConfTest {
    private static final Path FILE = Path.of("/etc/amportal.conf");

    private static AmportalConf parse(String... lines) {
        return AmportalConf.parse(List.of(lines), FILE);
    }

    @Test
    void readsShellStyleKeysWithCommentsAndQuotes() {
        AmportalConf conf = parse(
                "# This file is part of FreePBX.",
                "AMPDBHOST=localhost",
                "AMPDBUSER = asteriskuser",
                "AMPDBPASS=\"s3cret#1\"   # the # inside quotes is the password's",
                "AMPDBNAME='asterisk'",
                "AMPMGRUSER=admin # manager user",
                "export AMPWEBROOT=/var/www/html",
                "not a key value line",
                "   ");
        assertEquals(Optional.of("localhost"), conf.get("AMPDBHOST"));
        assertEquals(Optional.of("asteriskuser"), conf.get("AMPDBUSER"));
        assertEquals(Optional.of("s3cret#1"), conf.get("AMPDBPASS"));
        assertEquals(Optional.of("asterisk"), conf.get("AMPDBNAME"));
        assertEquals(Optional.of("admin"), conf.get("AMPMGRUSER"));
        assertEquals(Optional.of("/var/www/html"), conf.get("AMPWEBROOT"));
        assertEquals(6, conf.values().size());
    }

    @Test
    void doubleQuotedValuesKeepEscapedCharacters() {
        assertEquals("a\"b\\c", AmportalConf.value("\"a\\\"b\\\\c\""));
        assertEquals("", AmportalConf.value("\"\""));
        assertEquals("pa ss", AmportalConf.value("'pa ss' # note"));
        assertEquals("p#ss", AmportalConf.value("p#ss"));
    }

    @Test
    void theDatabaseLoginDefaultsToTheAsteriskDatabaseOnPort3306() {
        DialerdConfig.DatabaseConfig db = parse("AMPDBHOST=10.0.0.7", "AMPDBUSER=freepbx", "AMPDBPASS=pw").database();
        assertEquals(new DialerdConfig.DatabaseConfig("10.0.0.7", 3306, "asterisk", "freepbx", "pw",
                AmportalConf.POOL_SIZE), db);
        assertEquals(3307, parse("AMPDBHOST=db:3307", "AMPDBUSER=u", "AMPDBPASS=").database().port());
        assertEquals(3308, parse("AMPDBHOST=db", "AMPDBPORT=3308", "AMPDBUSER=u", "AMPDBPASS=p").database().port());
        assertEquals("pbx", parse("AMPDBHOST=db", "AMPDBUSER=u", "AMPDBPASS=p", "AMPDBNAME=pbx").database().name());
    }

    @Test
    void aMissingKeyOrAnotherEngineNamesTheFile() {
        AmportalConf partial = parse("AMPDBHOST=localhost", "AMPDBUSER=u");
        assertEquals(List.of("AMPDBPASS"), partial.missingDatabaseKeys());
        assertEquals("/etc/amportal.conf has no AMPDBPASS",
                assertThrows(ConfigException.class, partial::database).getMessage());
        assertEquals("/etc/amportal.conf: AMPDBENGINE = 'sqlite3': only mysql is supported",
                assertThrows(ConfigException.class, () -> parse("AMPDBHOST=h", "AMPDBUSER=u", "AMPDBPASS=p",
                        "AMPDBENGINE=sqlite3").database()).getMessage());
    }

    @Test
    void anUnreadableFileIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AmportalConf.read(Path.of("/nonexistent/amportal.conf")));
        assertEquals(true, e.getMessage().startsWith("cannot read /nonexistent/amportal.conf"), e.getMessage());
    }
}
