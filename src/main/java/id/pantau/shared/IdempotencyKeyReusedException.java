package id.pantau.shared;

/** An Idempotency-Key came back with a different request than the one it was first used for: 422. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request");
    }
}
