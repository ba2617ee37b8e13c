package org.dialerd.it.security;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Things hostile XML points at, each of which tells if it was touched: a file with a unique token
 * (must never appear in an answer), a named pipe (a watcher blocks opening it for writing; it is
 * released only if someone opens it for reading) and a loopback HTTP port (any connection is noted).
 */
final class Canaries implements AutoCloseable {
    final String token = "CANARY-" + UUID.randomUUID();
    final Path file;
    final Path pipe;
    private final ServerSocket http;
    private final List<String> touched = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closing;
    private final Thread pipeWatcher;
    private final Thread httpWatcher;

    Canaries(Path directory) throws IOException, InterruptedException {
        file = Files.writeString(directory.resolve("canary.txt"), token + "\n");
        pipe = directory.resolve("canary.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0 || !Files.exists(pipe)) {
            throw new AssertionError("mkfifo " + pipe + " failed: the named-pipe canary is needed");
        }
        http = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pipeWatcher = new Thread(this::watchPipe, "canary-pipe");
        httpWatcher = new Thread(this::watchHttp, "canary-http");
        pipeWatcher.setDaemon(true);
        httpWatcher.setDaemon(true);
        pipeWatcher.start();
        httpWatcher.start();
    }

    String fileUrl() {
        return file.toUri().toString();
    }

    String pipeUrl() {
        return pipe.toUri().toString();
    }

    String httpUrl() {
        return "http://127.0.0.1:" + http.getLocalPort() + "/canary.dtd";
    }

    /** What was touched so far (empty is the only good answer). */
    List<String> touched() {
        synchronized (touched) {
            return List.copyOf(touched);
        }
    }

    private void watchPipe() {
        // Opening a FIFO for writing blocks until a reader opens it.
        try (FileOutputStream out = new FileOutputStream(pipe.toFile())) {
            if (!closing) {
                touched.add("the named pipe " + pipe + " was opened for reading");
            }
        } catch (IOException e) {
            touched.add("pipe watcher failed: " + e);
        }
    }

    private void watchHttp() {
        while (!http.isClosed()) {
            try (Socket connection = http.accept()) {
                touched.add("HTTP canary connected from " + connection.getRemoteSocketAddress());
            } catch (IOException e) {
                return; // closed at the end
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closing = true;
        http.close();
        // Release the pipe watcher: we are the reader it waits for.
        try (FileInputStream release = new FileInputStream(pipe.toFile())) {
            pipeWatcher.join(5_000);
        }
        httpWatcher.join(5_000);
    }
}
