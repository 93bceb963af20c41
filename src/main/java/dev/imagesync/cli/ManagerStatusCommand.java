package dev.imagesync.cli;

import java.io.PrintWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;

import dev.imagesync.catalog.ManagerState;
import dev.imagesync.etcd.EtcdException;
import dev.imagesync.image.ManagerStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "manager-status", mixinStandardHelpOptions = true,
        description = "Print manager/status, set it with --set, or with --watch print each change (made by any "
                + "client) until interrupted.%n"
                + "Example: imagesync manager-status --set frozen; imagesync manager-status --watch")
class ManagerStatusCommand implements Callable<Integer> {

    private final ManagerState state;

    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "STATUS", description = "terminated, preparing, running or frozen.")
    String newStatus;

    @Option(names = "--watch", description = "Print the status, then every change, until interrupted (Ctrl-C).")
    boolean watch;

    @Option(names = "--json", description = "Print JSON: {\"status\": ...}.")
    boolean json;

    ManagerStatusCommand(ManagerState state) {
        this.state = state;
    }

    @Override
    public Integer call() throws Exception {
        if (newStatus != null) {
            state.setStatus(ManagerStatus.fromValue(newStatus));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!watch) {
            print(out, state.status().map(ManagerStatus::value).orElse(null));
            return ExitCodes.OK;
        }
        return watch(out);
    }

    /** Returns when the thread is interrupted, or fails when the watch breaks. */
    private int watch(PrintWriter out) throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (AutoCloseable handle = state.watchStatus(value -> events.add(new Event(value.orElse(null), null)),
                broken -> events.add(new Event(null, broken)))) {
            print(out, state.status().map(ManagerStatus::value).orElse(null));
            while (true) {
                Event event = events.take();
                if (event.failure() != null) {
                    throw event.failure();
                }
                print(out, event.status());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    /** A new status (null when deleted) or the watch's failure, handed from jetcd's thread to this one. */
    private record Event(String status, EtcdException failure) {
    }

    private void print(PrintWriter out, String status) {
        if (json) {
            JsonOutput.print(out, java.util.Collections.singletonMap("status", status));
        } else {
            out.println(status == null ? "(not set)" : status);
            out.flush();
        }
    }
}
