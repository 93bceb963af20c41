package dev.imagesync.testsupport;

import okhttp3.Interceptor;
import okhttp3.Response;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;

/**
 * Delays every manifest request by {@code imagesync.test.manifest-delay}, so that a scan of a small registry
 * takes long enough to kill or stop it midway. Only present when that property is set: child JVMs started by
 * the tests run with the test classpath, where component scanning finds this class.
 */
@Component
@ConditionalOnProperty("imagesync.test.manifest-delay")
public class SlowRegistry implements Interceptor {

    private final Duration delay;

    public SlowRegistry(org.springframework.core.env.Environment environment) {
        this.delay = environment.getRequiredProperty("imagesync.test.manifest-delay", Duration.class);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (chain.request().url().encodedPath().contains("/manifests/")) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return chain.proceed(chain.request());
    }
}
