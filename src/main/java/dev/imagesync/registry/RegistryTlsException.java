package dev.imagesync.registry;

import java.io.IOException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The registry's TLS certificate was refused: not trusted (self-signed, unknown CA, expired) or not issued for
 * the host. Permanent, so never retried: the operator installs the CA or turns verification off for that
 * registry alone, and the message says so.
 */
public class RegistryTlsException extends RegistryException {

    private static final String HINT = " (set ssl-verify=false for this registry to skip verification)";

    private RegistryTlsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True for a handshake that failed on the certificate, as opposed to the network. */
    static boolean isCertificateRefusal(IOException failure) {
        return failure instanceof SSLPeerUnverifiedException
                || failure instanceof SSLHandshakeException && hasCertificateCause(failure);
    }

    /**
     * @param origin  {@code https://host:port}, never a path or query (they might carry a token)
     * @param refusal a failure for which {@link #isCertificateRefusal} holds
     */
    static RegistryTlsException of(String registry, String origin, IOException refusal) {
        String problem = refusal instanceof SSLPeerUnverifiedException ? " does not match the host name" : " not trusted";
        return new RegistryTlsException("registry '" + registry + "': TLS certificate of " + origin + problem + HINT,
                refusal);
    }

    private static boolean hasCertificateCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // The JDK reports an untrusted chain as a ValidatorException, a CertificateException subclass.
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }
}
