package dev.imagesync.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

/**
 * Debian's Distribution registry ({@code docker-registry serve}) on loopback with filesystem storage in a
 * temp dir and deletes enabled. {@link #shared()} is a plain-HTTP instance for the whole JVM; other variants
 * (basic auth, TLS with a self-signed certificate for 127.0.0.1) come from {@link #builder()} and should be
 * {@link #stop() stopped} by the test that made them (a shutdown hook stops them otherwise).
 */
public final class DockerRegistryServer {

    private static DockerRegistryServer shared;

    private final ServiceProcess process;
    private final URI url;
    private final RegistryTls tls;
    private final String username;
    private final String password;

    private DockerRegistryServer(ServiceProcess process, URI url, RegistryTls tls, String username, String password) {
        this.process = process;
        this.url = url;
        this.tls = tls;
        this.username = username;
        this.password = password;
    }

    /** The JVM's plain-HTTP, no-auth registry. Never stop it. */
    public static synchronized DockerRegistryServer shared() {
        if (shared == null) {
            shared = builder().start();
        }
        return shared;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:40125}. */
    public URI url() {
        return url;
    }

    /** {@code 127.0.0.1:port}: the registry part of image references. */
    public String hostAndPort() {
        return url.getHost() + ":" + url.getPort();
    }

    /** The basic-auth user, or null without auth. */
    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The self-signed certificate (PEM), or null without TLS. */
    public Path certificate() {
        return tls == null ? null : tls.certificate();
    }

    /** An SSL context trusting exactly this registry's certificate; the default context without TLS. */
    public SSLContext sslContext() {
        return tls == null ? defaultContext() : tls.trustingContext();
    }

    /** Stops this registry and deletes its storage. Do not call on {@link #shared()}. */
    public void stop() {
        if (this == shared) {
            throw new IllegalStateException("the shared registry lives as long as the JVM");
        }
        process.stop();
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Which registry to start: plain HTTP by default. */
    public static final class Builder {
        private String username;
        private String password;
        private boolean tls;

        private Builder() {
        }

        /** Require HTTP basic auth (htpasswd, bcrypt) with this one user. */
        public Builder basicAuth(String user, String pass) {
            this.username = user;
            this.password = pass;
            return this;
        }

        /** Serve HTTPS with a fresh self-signed certificate for 127.0.0.1. */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        public DockerRegistryServer start() {
            String binary = RequiredBinary.locate("docker-registry", "docker-registry");
            int port = LoopbackPorts.free();
            Path directory = ServiceProcess.newDirectory("registry");
            RegistryTls certificate = tls ? RegistryTls.selfSigned(directory) : null;
            Path htpasswd = username == null ? null : RegistryConfigFile.writeHtpasswd(directory, username, password);
            Path config = RegistryConfigFile.write(directory, port, certificate, htpasswd);
            ServiceProcess process = ServiceProcess.start("docker-registry", directory,
                    List.of(binary, "serve", config.toString()));
            URI url = URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port);
            HttpClient probe = HttpClient.newBuilder()
                    .sslContext(certificate == null ? defaultContext() : certificate.trustingContext())
                    .connectTimeout(Duration.ofSeconds(1)).build();
            process.awaitReady(Duration.ofSeconds(20), () -> answersV2(probe, url));
            return new DockerRegistryServer(process, url, certificate, username, password);
        }
    }

    /** Up when {@code GET /v2/} answers 200, or 401 when auth is on. */
    private static boolean answersV2(HttpClient probe, URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url.resolve("/v2/")).timeout(Duration.ofSeconds(1)).build();
            int status = probe.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 || status == 401;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
