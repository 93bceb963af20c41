package dev.imagesync.registry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.imagesync.image.RegistryType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static dev.imagesync.registry.Answers.challenge;
import static dev.imagesync.registry.Answers.json;
import static dev.imagesync.registry.Answers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** No password, token or Authorization value in any exception message, stack trace or log line. */
class SecretLeakTest {

    private static final String PASSWORD = "S3cr3t-Passw0rd";
    private static final String TOKEN = "T0ken-S3cr3t-xyz";
    private static final String CATALOG = "/v2/_catalog?n=2";
    private static final String CATALOG_TOKEN = "/token?service=svc&scope=registry%3Acatalog%3A*";

    @AutoClose
    private final FakeRegistry registry = new FakeRegistry();
    @AutoClose
    private final FakeRegistry auth = new FakeRegistry();
    private final RegistryTestSupport support = new RegistryTestSupport();
    @AutoClose
    private final RegistryClientFactory factory = support.factory(registry.uri());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger registryLogger = (Logger) LoggerFactory.getLogger("dev.imagesync.registry");
    private final List<String> texts = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        registryLogger.setLevel(Level.TRACE);
        logs.start();
        registryLogger.addAppender(logs);
    }

    @AfterEach
    void detachAppender() {
        registryLogger.detachAppender(logs);
    }

    @Test
    void failuresNeverRevealPasswordOrToken() {
        failing(r -> r.get(CATALOG, status(401)));
        failing(r -> r.get(CATALOG, challenge(auth.base() + "/token", "svc")), a -> a.get(CATALOG_TOKEN, status(403)));
        failing(r -> r.get(CATALOG, challenge(auth.base() + "/token", "svc")),
                a -> a.get(CATALOG_TOKEN, json("{\"token\":\"" + TOKEN + "\"")));
        failing(r -> r.get(CATALOG, challenge(auth.base() + "/token", "svc")),
                a -> a.get(CATALOG_TOKEN, json("{\"token\":{\"value\":\"" + TOKEN + "\"}}")));
        failing(r -> r.get(CATALOG, challenge(auth.base() + "/token", "svc")),
                a -> a.get(CATALOG_TOKEN, json("{\"token\":\"" + TOKEN + "\"}")));
        failing(r -> r.get(CATALOG, challenge(auth.base() + "/token", "svc"), status(503)),
                a -> a.get(CATALOG_TOKEN, json("{\"token\":\"" + TOKEN + "\"}")));
        failing(r -> r.get(CATALOG, json("{\"repositories\": [\"" + PASSWORD)));

        logs.list.forEach(event -> {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        });
        assertThat(logs.list).isNotEmpty();
        String basic = Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes());
        assertThat(texts).hasSizeGreaterThan(7).allSatisfy(text -> assertThat(text)
                .doesNotContain(PASSWORD).doesNotContain(TOKEN).doesNotContain(basic)
                .doesNotContainIgnoringCase("authorization:"));
    }

    @SafeVarargs
    private void failing(Consumer<FakeRegistry> registryAnswers, Consumer<FakeRegistry>... authAnswers) {
        registryAnswers.accept(registry);
        for (Consumer<FakeRegistry> answers : authAnswers) {
            answers.accept(auth);
        }
        RegistryClient client = factory.create(
                RegistryTestSupport.config(registry, RegistryType.DOCKER, List.of(), "alice", PASSWORD), "amd64");
        Throwable thrown = catchThrowable(client::listRepositories);
        assertThat(thrown).isInstanceOf(RegistryException.class);
        texts.add(thrown.getMessage());
        assertThat(thrown.getMessage()).doesNotContain("\n");
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        texts.add(trace.toString());
    }
}
