package dev.imagesync.registry;

import dev.imagesync.image.RegistryConfig;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the {@link RegistryClient} of one configured registry; the only place that switches on the
 * flavour (after regclient's {@code scheme}). All clients share one OkHttp connection pool and dispatcher
 * (HTTP/2 where the server offers it); each registry gets a {@code newBuilder()} derivation, with TLS
 * verification off only when that registry says {@code ssl-verify=false}. Thread-safe.
 */
public final class RegistryClientFactory implements AutoCloseable {

    /** Idle connections kept per unit of {@code concurrency}: enough for several registries at once. */
    private static final int IDLE_CONNECTIONS_PER_FETCH_SLOT = 4;

    private final RegistryProperties properties;
    private final OkHttpClient sharedClient;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param extraInterceptors application interceptors added to every client, after retry and auth
     *                          decisions, so they see every attempt (request counting, fault injection)
     */
    public RegistryClientFactory(RegistryProperties properties, List<Interceptor> extraInterceptors) {
        this(properties, extraInterceptors, Sleeper.THREAD, Clock.systemUTC());
    }

    RegistryClientFactory(RegistryProperties properties, List<Interceptor> extraInterceptors, Sleeper sleeper,
                          Clock clock) {
        this.properties = properties;
        this.sleeper = sleeper;
        this.clock = clock;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectionPool(connectionPool(properties.concurrency()))
                .dispatcher(dispatcher(properties.concurrency()))
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .callTimeout(properties.callTimeout());
        extraInterceptors.forEach(builder::addInterceptor);
        this.sharedClient = builder.build();
    }

    /**
     * Keeps a connection per concurrent fetch alive between chunks: OkHttp's default pool keeps only 5 idle
     * connections, so with more workers than that every chunk would open (and for TLS, handshake) afresh.
     * Room for a few registries scanned at once.
     */
    private static ConnectionPool connectionPool(int concurrency) {
        return new ConnectionPool(Math.max(5, IDLE_CONNECTIONS_PER_FETCH_SLOT * concurrency), 5, TimeUnit.MINUTES);
    }

    /**
     * The scan calls synchronously, which the dispatcher does not limit; its per-host limit (default 5) binds
     * asynchronous calls only, and must then not be lower than the concurrency the scan was given.
     */
    private static Dispatcher dispatcher(int concurrency) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(Math.max(dispatcher.getMaxRequestsPerHost(), concurrency));
        dispatcher.setMaxRequests(Math.max(dispatcher.getMaxRequests(), IDLE_CONNECTIONS_PER_FETCH_SLOT * concurrency));
        return dispatcher;
    }

    /**
     * @param architecture the platform (Docker naming, e.g. {@code amd64}) a manifest list resolves to
     */
    public RegistryClient create(RegistryConfig config, String architecture) {
        HttpUrl baseUrl = HttpUrl.get(config.url());
        RegistryTransport transport = transport(config, config.username(), config.password());
        DistributionClient distribution =
                new DistributionClient(transport, baseUrl, properties.pageSize(), architecture);
        return new HttpRegistryClient(lister(config, transport, baseUrl), distribution);
    }

    private RepositoryLister lister(RegistryConfig config, RegistryTransport transport, HttpUrl baseUrl) {
        if (config.isDockerHub()) {
            // The hub API is another origin than the registry: it gets no credentials.
            RegistryTransport hubTransport = transport(config, null, null);
            return new DockerHubLister(hubTransport, HttpUrl.get(properties.dockerHubApiUrl()),
                    config.username(), properties.pageSize());
        }
        return switch (config.type()) {
            case DOCKER -> new CatalogLister(transport, baseUrl, properties.pageSize());
            case HARBOR -> new HarborV1Lister(transport, baseUrl, config.projects(), properties.pageSize());
            case HARBOR2 -> new HarborV2Lister(transport, baseUrl, config.projects(), properties.pageSize());
        };
    }

    private RegistryTransport transport(RegistryConfig config, String username, String password) {
        OkHttpClient.Builder builder = sharedClient.newBuilder();
        if (!config.sslVerify()) {
            InsecureTls.applyTo(builder);
        }
        HttpExchanger exchanger = new HttpExchanger(config.name(), builder.build(),
                new RetryBackoff(properties, clock), sleeper, properties.maxBodyBytes());
        return new RegistryTransport(exchanger, new RegistryAuthenticator(exchanger, username, password));
    }

    /** Stops the shared dispatcher threads and closes pooled connections. */
    @Override
    public void close() {
        sharedClient.dispatcher().executorService().shutdown();
        sharedClient.connectionPool().evictAll();
    }
}
