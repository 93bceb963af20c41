package dev.imagesync.job.rescan;

import dev.imagesync.etcd.RegistryConfigReader;
import dev.imagesync.etcd.RegistryConfigResult;
import dev.imagesync.image.TagRef;
import dev.imagesync.jdbc.TagDigestRepository;
import dev.imagesync.jdbc.TagObservation;
import dev.imagesync.registry.RegistryClient;
import dev.imagesync.registry.RegistryClientFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state one registry's scan shares between its reader, processor, writer and pruner: the registry's
 * client, the scan counters, the tag digests seen in the current chunk and the tags to prune. One per step
 * execution (step scope); the reader opens and closes it, and saves it at every checkpoint.
 *
 * <p>Digests are remembered at the checkpoint ({@link #update}), inside the chunk's transaction: a tag's
 * digest is only trusted by a later scan once the chunk that wrote its record has committed.
 */
public class RegistryScanSession {

    static final String PRUNE_CANDIDATES = "prune.candidates";

    private final String registryName;
    private final ScanMode mode;
    private final RegistryConfigReader configReader;
    private final RegistryClientFactory clientFactory;
    private final TagDigestRepository digests;
    private final String architecture;
    private final ScanStatistics statistics = new ScanStatistics();
    /** Filled and drained on the step's thread only: the processor observes, the checkpoint saves. */
    private final List<TagObservation> observations = new ArrayList<>();
    private final Set<TagRef> pruneCandidates = new TreeSet<>();
    private RegistryClient client;

    public RegistryScanSession(String registryName, ScanMode mode, RegistryConfigReader configReader,
                               RegistryClientFactory clientFactory, TagDigestRepository digests,
                               String architecture) {
        this.registryName = registryName;
        this.mode = mode;
        this.configReader = configReader;
        this.clientFactory = clientFactory;
        this.digests = digests;
        this.architecture = architecture;
    }

    /** Reads the registry's configuration from etcd (fresh at every step start) and connects. */
    void open(ExecutionContext context) {
        RegistryConfigResult result = configReader.find(registryName)
                .orElseThrow(() -> new RegistryConfigurationException(registryName, "no longer configured"));
        if (!result.isValid()) {
            throw new RegistryConfigurationException(registryName, result.error());
        }
        client = clientFactory.create(result.config(), architecture);
        statistics.restoreFrom(context);
        for (String candidate : context.getString(PRUNE_CANDIDATES, "").lines().toList()) {
            String[] parts = candidate.split("\t", 2);
            pruneCandidates.add(new TagRef(registryName, parts[0], parts[1]));
        }
    }

    /** The checkpoint: counters and prune candidates into the context, seen digests into the database. */
    void update(ExecutionContext context) {
        statistics.saveTo(context);
        List<String> candidates = new ArrayList<>();
        synchronized (pruneCandidates) {
            pruneCandidates.forEach(ref -> candidates.add(ref.repository() + "\t" + ref.tag()));
        }
        context.putString(PRUNE_CANDIDATES, String.join("\n", candidates));
        List<TagObservation> seen = List.copyOf(observations);
        observations.clear();
        if (!mode.dryRun()) {
            digests.saveAll(seen);
        }
    }

    void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    public String registryName() {
        return registryName;
    }

    ScanMode mode() {
        return mode;
    }

    RegistryClient client() {
        if (client == null) {
            throw new IllegalStateException("registry scan session for '" + registryName + "' is not open");
        }
        return client;
    }

    public ScanStatistics statistics() {
        return statistics;
    }

    TagDigestRepository digests() {
        return digests;
    }

    void observe(TagObservation observation) {
        observations.add(observation);
    }

    void addPruneCandidates(Collection<TagRef> tags) {
        synchronized (pruneCandidates) {
            pruneCandidates.addAll(tags);
        }
    }

    List<TagRef> pruneCandidates() {
        synchronized (pruneCandidates) {
            return List.copyOf(pruneCandidates);
        }
    }
}
