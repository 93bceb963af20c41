package dev.imagesync.cli;

import dev.imagesync.image.KernelImagePolicy;
import dev.imagesync.registry.RegistryCeilingProbe;
import dev.imagesync.registry.RegistryProperties;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.concurrent.Callable;

@Command(name = "fetch-ceiling", mixinStandardHelpOptions = true,
        description = "Measure how fast a registry can serve a scan: with a plain HTTP client (no retries, no auth, "
                + "no etcd) list the catalog and tags, then GET every tag's manifest and config blob, CONCURRENCY "
                + "at a time, and print tags/s. rescan-images' rate divided by this one says how close imagesync "
                + "comes to the registry's ceiling.%n"
                + "Example: imagesync fetch-ceiling --registry-url http://127.0.0.1:5000 --concurrency 8")
class FetchCeilingCommand implements Callable<Integer> {

    private final RegistryProperties registry;
    private final KernelImagePolicy policy;

    @Option(names = "--registry-url", required = true, converter = RegistryUrlConverter.class,
            description = "Base URL of the registry, e.g. http://127.0.0.1:5000.")
    URI registryUrl;

    @Option(names = "--concurrency", description = "Requests in flight (default: imagesync.registry.concurrency).")
    Integer concurrency;

    FetchCeilingCommand(RegistryProperties registry, KernelImagePolicy policy) {
        this.registry = registry;
        this.policy = policy;
    }

    @Override
    public Integer call() {
        int inFlight = concurrency == null ? registry.concurrency() : concurrency;
        if (inFlight < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, got " + inFlight);
        }
        RegistryCeilingProbe.Result result = new RegistryCeilingProbe(HttpUrl.get(registryUrl), inFlight,
                registry.pageSize(), policy.architecture(), policy::isScannedRepository).measure();
        System.out.printf("fetch-ceiling of %s at concurrency %d: %d repositories, %d tags, %d GETs in %.2f s%n",
                registryUrl, inFlight, result.repositories(), result.tags(), result.requests(),
                result.elapsed().toNanos() / 1e9);
        System.out.printf("  rate: %.1f tags/s%n", result.tagsPerSecond());
        return ExitCodes.OK;
    }
}
