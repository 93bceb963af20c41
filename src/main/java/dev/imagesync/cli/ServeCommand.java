package dev.imagesync.cli;

import dev.imagesync.serve.ServeLatch;
import dev.imagesync.serve.ServeProperties;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run until stopped (SIGTERM): rescan-images on imagesync.schedule.rescan-cron (one instance "
                + "of the cluster per firing), this instance registered under nodes/imagesync/{id}, and HTTP "
                + "endpoints on server.port: /actuator/health, /actuator/prometheus, and with "
                + "imagesync.serve.token set, POST /jobs/{job}, GET /jobs/executions, POST "
                + "/jobs/executions/{id}/restart|stop. SIGTERM stops a running job at a chunk boundary (STOPPED, "
                + "restartable).%n"
                + "Example: imagesync serve --imagesync.schedule.rescan-cron='0 30 2 * * *' --server.port=8080")
class ServeCommand implements Callable<Integer> {

    private final ObjectProvider<ServeLatch> latch;
    private final ServeProperties serve;

    @Spec
    CommandSpec spec;

    ServeCommand(ObjectProvider<ServeLatch> latch, ServeProperties serve) {
        this.latch = latch;
        this.serve = serve;
    }

    @Override
    public Integer call() throws Exception {
        ServeLatch running = latch.getIfAvailable();
        if (running == null) {
            throw new IllegalStateException("serve mode is off in this process; start it as 'imagesync serve'");
        }
        spec.commandLine().getErr().println("imagesync: serving as instance " + serve.instanceId());
        running.awaitShutdown();
        return ExitCodes.OK;
    }
}
