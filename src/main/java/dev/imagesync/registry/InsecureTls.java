package dev.imagesync.registry;

import okhttp3.OkHttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * What {@code ssl-verify=false} means for one registry: any certificate, any host name. Applied to that
 * registry's derived client only, never to the shared one.
 */
final class InsecureTls {

    private static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Deliberately trusting: the operator turned verification off for this registry.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Deliberately trusting: the operator turned verification off for this registry.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private InsecureTls() {
    }

    static OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {TRUST_ALL}, null);
            return builder.sslSocketFactory(context.getSocketFactory(), TRUST_ALL)
                    .hostnameVerifier((hostname, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context without verification", e);
        }
    }
}
