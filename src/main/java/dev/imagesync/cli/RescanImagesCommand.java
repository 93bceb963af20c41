package dev.imagesync.cli;

import dev.imagesync.job.JobRunner;
import dev.imagesync.job.rescan.RescanImagesJobConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "rescan-images", mixinStandardHelpOptions = true,
        description = "Scan the configured registries (config/docker/registry/...), or only REGISTRY, and write the "
                + "kernel images found into etcd (images/...). Each run is a new job execution; a failed one is "
                + "resumed with 'imagesync restart'. Prints a summary; exit 0 when COMPLETED, 1 otherwise.%n"
                + "Example: imagesync rescan-images cr.backend.ai")
class RescanImagesCommand implements Callable<Integer> {

    private final JobRunner jobRunner;
    private final ExecutionReporter reporter;

    @Parameters(arity = "0..1", paramLabel = "REGISTRY", description = "Registry name as configured in etcd (default: all).")
    String registry;

    RescanImagesCommand(JobRunner jobRunner, ExecutionReporter reporter) {
        this.jobRunner = jobRunner;
        this.reporter = reporter;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(RescanImagesJobConfiguration.REGISTRY_PARAMETER, registry);
        return reporter.report(jobRunner.launch(RescanImagesJobConfiguration.JOB_NAME, parameters));
    }
}
