package dev.imagesync.etcd;

/** etcd answered with an error (permission denied, request too large, ...). The message is one line. */
public class EtcdException extends RuntimeException {

    public EtcdException(String message, Throwable cause) {
        super(message, cause);
    }
}
