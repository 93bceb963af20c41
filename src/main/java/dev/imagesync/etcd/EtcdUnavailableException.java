package dev.imagesync.etcd;

/**
 * etcd did not answer within the configured timeout, or refused the call. The message is one line naming
 * the endpoints (never credentials), fit to show an operator as it is.
 */
public class EtcdUnavailableException extends EtcdException {

    public EtcdUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
