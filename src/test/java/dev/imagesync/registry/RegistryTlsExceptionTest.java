package dev.imagesync.registry;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which handshake failures are a refused certificate (never retried) and how they read. */
class RegistryTlsExceptionTest {

    @Test
    void untrustedChain_isACertificateRefusal() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateException("unable to find valid certification path"));

        assertThat(RegistryTlsException.isCertificateRefusal(untrusted)).isTrue();
        assertThat(RegistryTlsException.of("cr.example", "https://cr.example:443", untrusted)).hasMessage(
                "registry 'cr.example': TLS certificate of https://cr.example:443 not trusted"
                        + " (set ssl-verify=false for this registry to skip verification)");
    }

    @Test
    void hostNameMismatch_isACertificateRefusal() {
        SSLPeerUnverifiedException mismatch = new SSLPeerUnverifiedException("Hostname cr.example not verified");

        assertThat(RegistryTlsException.isCertificateRefusal(mismatch)).isTrue();
        assertThat(RegistryTlsException.of("cr.example", "https://cr.example:443", mismatch))
                .hasMessageContaining("does not match the host name");
    }

    @Test
    void connectionLostMidHandshake_isNotACertificateRefusal_soItIsRetried() {
        SSLHandshakeException reset = new SSLHandshakeException("Remote host terminated the handshake");
        reset.initCause(new EOFException("SSL peer shut down incorrectly"));

        assertThat(RegistryTlsException.isCertificateRefusal(reset)).isFalse();
    }
}
