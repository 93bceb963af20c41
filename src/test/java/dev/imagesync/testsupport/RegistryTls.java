package dev.imagesync.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed certificate for 127.0.0.1 (IP SAN, so hostname verification passes) and its key. */
record RegistryTls(Path certificate, Path key) {

    static RegistryTls selfSigned(Path directory) {
        String openssl = RequiredBinary.locate("openssl", "openssl");
        Path certificate = directory.resolve("registry.crt");
        Path key = directory.resolve("registry.key");
        ExternalCommand.run(directory, List.of(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString()));
        return new RegistryTls(certificate, key);
    }

    /** Trusts this certificate and nothing else. */
    SSLContext trustingContext() {
        try (InputStream pem = Files.newInputStream(certificate)) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(pem);
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            trustStore.setCertificateEntry("registry", cert);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + certificate + ": " + e, e);
        }
    }
}
