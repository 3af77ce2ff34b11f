package dev.backline.persist;

/**
 * The store cannot be reached right now (the database is down, the network is gone, the pool has no
 * connection). Nothing was written; the same write may be retried later.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
