package dev.imagesync.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A Redis on loopback without persistence, started once per test JVM on first use and stopped at JVM exit. */
public final class RedisServer {

    private static RedisServer shared;

    private final int port;

    private RedisServer(int port) {
        this.port = port;
    }

    public static synchronized RedisServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static RedisServer start() {
        String redis = RequiredBinary.locate("redis-server", "redis-server");
        int port = LoopbackPorts.free();
        Path directory = ServiceProcess.newDirectory("redis");
        ServiceProcess process = ServiceProcess.start("redis", directory, List.of(redis,
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", directory.toString()));
        process.awaitReady(Duration.ofSeconds(20), () -> answersPing(port));
        return new RedisServer(port);
    }

    private static boolean answersPing(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }
}
