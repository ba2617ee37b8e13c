package org.dialerd.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the installed scripts and system tools as child processes, each bounded in time. */
final class Commands {
    /** What a finished command did. */
    record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }

    private Commands() {
    }

    /** True when {@code tool} is on PATH. */
    static boolean available(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The environment the installed launcher gets: this JVM's Java as JAVA_HOME. */
    static Map<String, String> launcherEnvironment(Path logDir) {
        return Map.of("JAVA_HOME", System.getProperty("java.home"), "DIALERD_LOG_DIR", logDir.toString());
    }

    static Result run(Duration timeout, Map<String, String> environment, Path workDir, String... command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout-", ".txt");
        Path err = Files.createTempFile(workDir, "stderr-", ".txt");
        Process process = start(environment, workDir, out, err, List.of(command));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                    + "; output: " + Files.readString(out) + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts {@code command}; its output goes to the two files (a pipe nobody reads could block it). */
    static Process start(Map<String, String> environment, Path workDir, Path stdout, Path stderr,
                         List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
