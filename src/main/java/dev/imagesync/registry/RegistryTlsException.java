package dev.imagesync.registry;

import java.io.IOException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The TLS handshake with a registry failed, most often because its certificate was refused: not trusted
 * (self-signed, unknown CA, expired) or not issued for the host. Permanent, so never retried: the operator
 * installs the CA or turns verification off for that registry alone, and the message says so.
 */
public class RegistryTlsException extends RegistryException {

    private static final String HINT = " (set ssl-verify=false for this registry to skip verification)";

    private RegistryTlsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param origin {@code https://host:port}, never a path or query (they might carry a token) */
    static RegistryTlsException of(String registry, String origin, IOException handshakeFailure) {
        String prefix = "registry '" + registry + "': ";
        if (handshakeFailure instanceof SSLPeerUnverifiedException) {
            return new RegistryTlsException(prefix + "TLS certificate of " + origin
                    + " does not match the host name" + HINT, handshakeFailure);
        }
        if (hasCertificateCause(handshakeFailure)) {
            return new RegistryTlsException(prefix + "TLS certificate of " + origin + " not trusted" + HINT,
                    handshakeFailure);
        }
        return new RegistryTlsException(prefix + "TLS handshake with " + origin + " failed ("
                + oneLine(handshakeFailure) + ")", handshakeFailure);
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

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.replaceAll("\\s+", " ");
    }
}
