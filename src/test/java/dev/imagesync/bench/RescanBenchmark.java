package dev.imagesync.bench;

import dev.imagesync.app.ImagesyncApplication;
import dev.imagesync.etcd.EtcdKeyCodec;
import dev.imagesync.etcd.KeyValueStore;
import dev.imagesync.job.JobRunner;
import dev.imagesync.job.rescan.RescanSummary;
import dev.imagesync.job.rescan.ScanMode;
import dev.imagesync.testsupport.EtcdServer;
import dev.imagesync.testsupport.LocalServices;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Benchmark, not a test: full, unchanged-incremental and 5%-re-pushed incremental rescans of a
 * {@link SyntheticRegistry} into a real etcd, with job time, tags/s, registry requests and peak heap.
 * Run with {@code scripts/scale-benchmark.sh FLAVOUR REPOSITORIES TAGS [HEAP] [LATENCY_MS]}.
 */
public final class RescanBenchmark {

    private RescanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SyntheticRegistry.Flavour flavour = SyntheticRegistry.Flavour.valueOf(args[0].toUpperCase());
        int repositories = Integer.parseInt(args[1]);
        int tags = Integer.parseInt(args[2]);
        long latencyMillis = args.length > 3 ? Long.parseLong(args[3]) : 0;
        Path data = Files.createTempDirectory("imagesync-bench");
        try (SyntheticRegistry registry = new SyntheticRegistry(repositories, tags, latencyMillis);
             ConfigurableApplicationContext context = new SpringApplicationBuilder(ImagesyncApplication.class)
                     .properties("imagesync.cli.enabled=false",
                             "imagesync.etcd.endpoints=" + LocalServices.etcd().endpoint(),
                             "imagesync.etcd.namespace=" + EtcdServer.randomNamespace(),
                             "imagesync.data-dir=" + data,
                             "imagesync.scan.architecture=amd64",
                             "imagesync.scan.chunk-size=200",
                             "logging.level.dev.imagesync=WARN")
                     .run()) {
            KeyValueStore store = context.getBean(KeyValueStore.class);
            configure(store, registry, flavour);
            JobRunner jobs = context.getBean(JobRunner.class);
            System.out.printf("%s registry, %d repositories x %d tags = %d tags, %d ms per request, heap max %d MiB%n",
                    flavour, repositories, tags, registry.tagCount(), latencyMillis,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("%-28s %9s %9s %9s %9s  %s%n", "scan", "job s", "tags/s", "records", "requests",
                    "requests by kind");
            double full = run("full (first scan)", jobs, registry, Map.of());
            double unchanged = run("incremental, nothing changed", jobs, registry, Map.of());
            registry.repush(20);
            double repushed = run("incremental, 5% re-pushed", jobs, registry, Map.of());
            double forced = run("--full on a known catalog", jobs, registry, Map.of(ScanMode.FULL, "true"));
            System.out.printf("speed-up of the unchanged incremental scan over the full scan: %.1fx%n", full / unchanged);
            System.out.printf("speed-up of the 5%% incremental scan over the full scan: %.1fx (over --full: %.1fx)%n",
                    full / repushed, forced / repushed);
            System.out.printf("peak heap (sum of heap pool peaks): %d MiB%n", peakHeapMiB());
            store.deletePrefix("");
        }
        System.exit(0);
    }

    private static void configure(KeyValueStore store, SyntheticRegistry registry, SyntheticRegistry.Flavour flavour) {
        String key = "config/docker/registry/" + EtcdKeyCodec.quote(registry.hostAndPort());
        store.put(key, registry.url().toString().replaceAll("/$", ""));
        if (flavour == SyntheticRegistry.Flavour.HARBOR2) {
            store.put(key + "/type", "harbor2");
            store.put(key + "/project", SyntheticRegistry.PROJECT);
            store.put(key + "/username", "bench");
            store.put(key + "/password", "bench");
        }
    }

    private static double run(String name, JobRunner jobs, SyntheticRegistry registry, Map<String, String> parameters)
            throws Exception {
        registry.resetCounts();
        RescanSummary summary = CompletedRescan.run(jobs, name, parameters);
        double seconds = summary.duration().toMillis() / 1000.0;
        System.out.printf("%-28s %9.2f %9.0f %9d %9d  %s%n", name, seconds, summary.tagsPerSecond(),
                summary.totals().records(), registry.totalRequests(), registry.requestCounts());
        return seconds;
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
