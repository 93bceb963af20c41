package dev.imagesync.cli;

import dev.imagesync.job.rescan.ScanProperties;
import dev.imagesync.registry.ImagePusher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "seed-samples", mixinStandardHelpOptions = true,
        description = "Push small sample images to a registry you run for trying imagesync out: by default a few "
                + "kernels plus images the scan leaves out (no kernelspec, kernelspec 2, a non-kernel "
                + "repository); with --repositories/--tags a synthetic catalog for benchmarks.%n"
                + "Example: imagesync seed-samples --registry-url http://127.0.0.1:5000 --repositories 100 --tags 10")
class SeedSamplesCommand implements Callable<Integer> {

    private final ScanProperties scan;

    @Spec
    CommandSpec spec;

    @Option(names = "--registry-url", required = true, converter = RegistryUrlConverter.class,
            description = "Base URL of the registry, e.g. http://127.0.0.1:5000.")
    URI registryUrl;

    @Option(names = "--username", description = "User for basic auth (password from IMAGESYNC_SEED_PASSWORD).")
    String username;

    @Option(names = "--repositories", description = "Synthetic catalog: this many repositories (bench/r000...).")
    Integer repositories;

    @Option(names = "--tags", defaultValue = "10", description = "Synthetic catalog: tags per repository (default: ${DEFAULT-VALUE}).")
    int tags;

    @Option(names = "--every", defaultValue = "1", description = "Synthetic catalog: push only every N-th image, "
            + "e.g. 20 to re-push 5%% of a seeded catalog (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--multi-arch", description = "Synthetic catalog: push each tag as a manifest list of this "
            + "machine's architecture and another one, as multi-platform kernel images are.")
    boolean multiArch;

    @Option(names = "--concurrency", defaultValue = "8", description = "Images pushed at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    SeedSamplesCommand(ScanProperties scan) {
        this.scan = scan;
    }

    @Override
    public Integer call() throws Exception {
        List<SampleImages.Sample> samples = repositories == null
                ? SampleImages.showcase(scan.architecture())
                : SampleImages.synthetic(repositories, tags, scan.architecture(), every, multiArch);
        String password = username == null ? null : System.getenv("IMAGESYNC_SEED_PASSWORD");
        AtomicInteger pushed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        try (ImagePusher pusher = new ImagePusher(registryUrl, username, password)) {
            List<Future<?>> pushes = samples.stream().<Future<?>>map(sample -> pool.submit(() -> {
                pusher.pushImage(sample.repository(), sample.tag(), sample.spec());
                int done = pushed.incrementAndGet();
                if (done % 100 == 0 || done == samples.size()) {
                    spec.commandLine().getErr().printf("seed-samples: %d/%d images pushed%n", done, samples.size());
                }
            })).toList();
            for (Future<?> push : pushes) {
                push.get();
            }
        } finally {
            pool.shutdownNow();
        }
        spec.commandLine().getOut().printf("pushed %d images to %s%n", samples.size(), registryUrl);
        return ExitCodes.OK;
    }
}
