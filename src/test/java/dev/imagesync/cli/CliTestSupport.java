package dev.imagesync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;

import dev.imagesync.testsupport.TestContextProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import picocli.CommandLine;

/** Runs the CLI in-process against the test etcd (a namespace per test class), Redis and an in-memory job repository. */
final class CliTestSupport {

    private CliTestSupport() {
    }

    static void properties(DynamicPropertyRegistry registry, String namespace) {
        TestContextProperties.register(registry, namespace);
    }

    static String newNamespace() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Result run(ImagesyncCommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = cli.create();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exit, String out, String err) {
    }
}
