package org.dialerd.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.dialerd.server.config.ConfigException;
import org.dialerd.server.config.DialerdConfig;
import org.dialerd.server.config.IniFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar dialerd.jar --demo [--eccp-port N] [--http-port N] [--data-dir DIR]} or
 * {@code java -jar dialerd.jar --config FILE [--eccp-port N] [--http-port N]}. Exit codes: 0
 * stopped, 2 bad command line or configuration, 1 failed to start. Also {@code --version} and
 * {@code --check-config [FILE]} (0 all checks pass, 1 one failed, 2 bad command line).
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("--check-config"))) {
            System.exit(command(args));
            return;
        }
        DialerdConfig config;
        try {
            config = parse(args);
        } catch (ConfigException e) {
            System.err.println("dialerd: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(USAGE);
            return;
        }
        Dialerd dialerd;
        try {
            dialerd = Dialerd.start(config);
        } catch (ConfigException e) {
            System.err.println("dialerd: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            log.error("dialerd failed to start", e);
            System.exit(1);
            return;
        }
        HangupSignal.install(dialerd::reload);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dialerd.close();
            stopped.countDown();
        }, "dialerd-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** --version and --check-config: the exit status. */
    static int command(String[] args) {
        if (args[0].equals("--version")) {
            if (args.length > 1) {
                return usageError("--version takes no argument");
            }
            System.out.println(VersionInfo.current());
            return 0;
        }
        if (args.length > 2) {
            return usageError("--check-config takes at most one file, got " + (args.length - 1) + " arguments");
        }
        Path file = args.length == 2 ? Path.of(args[1]) : ConfigCheck.DEFAULT_FILE;
        LogLevels.quiet(); // the check lines only, not the libraries' start-up chatter
        List<ConfigCheck.Line> lines = ConfigCheck.run(file);
        lines.forEach(line -> System.out.println(line.format()));
        return lines.stream().allMatch(ConfigCheck.Line::ok) ? 0 : 1;
    }

    private static int usageError(String message) {
        System.err.println("dialerd: " + message);
        System.err.println(USAGE);
        return 2;
    }

    static final String USAGE = """
            usage: java -jar dialerd.jar --demo [--eccp-port N] [--http-port N] [--data-dir DIR]
                   java -jar dialerd.jar --config FILE [--eccp-port N] [--http-port N] [--data-dir DIR]
                   java -jar dialerd.jar --check-config [FILE]   (default /etc/dialerd/dialerd.conf)
                   java -jar dialerd.jar --version
              --demo         embedded MariaDB (data under --data-dir), demo data, simulated Asterisk
              --config FILE  INI file compatible with the reference dialerd.conf (see docs/configuration.md)
              --eccp-port N  ECCP port (default 20005), overrides the configuration file
              --http-port N  health and metrics over HTTP on this port (0: any free port); without it
                             the listener is on 127.0.0.1:8088 in --demo, off with --config unless [http] port
              --data-dir DIR where the embedded MariaDB keeps its data (default ./dialerd-data)""";

    /** Returns null for --help. */
    static DialerdConfig parse(String[] args) {
        boolean demo = false;
        Path configFile = null;
        Integer port = null;
        Integer httpPort = null;
        Path dataDir = DialerdConfig.DEFAULT_DATA_DIR;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--demo" -> demo = true;
                case "--help", "-h" -> {
                    return null;
                }
                case "--config" -> configFile = Path.of(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--eccp-port" -> port = portValue(arg, value(args, ++i, arg));
                case "--http-port" -> httpPort = portValue(arg, value(args, ++i, arg));
                default -> throw new ConfigException("unknown argument '" + arg + "'");
            }
        }
        if (demo && configFile != null) {
            throw new ConfigException("--demo and --config cannot be combined");
        }
        DialerdConfig config = configFile == null
                ? DialerdConfig.embeddedDefaults(demo, dataDir)
                : DialerdConfig.fromIni(IniFile.read(configFile), false, dataDir);
        config = port == null ? config : config.withEccpPort(port);
        return httpPort == null ? config : config.withHttpPort(httpPort);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new ConfigException(option + " needs a value");
        }
        return args[index];
    }

    private static int portValue(String option, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new ConfigException(option + " '" + text + "': must be between 0 and 65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException(option + " '" + text + "': not a port number", e);
        }
    }
}
