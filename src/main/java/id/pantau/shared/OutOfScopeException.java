package id.pantau.shared;

/** The caller is known but may not act here, usually because the region is outside its home region: 403. */
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String message) {
        super(message);
    }
}
