package id.pantau.shared;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The request is well-formed but clashes with the current state (a taken name, a forbidden transition): 409. */
public class ConflictException extends RuntimeException {

    private final @Nullable FieldViolation violation;

    public ConflictException(String message) {
        super(message);
        this.violation = null;
    }

    public ConflictException(FieldViolation violation) {
        super(violation.message());
        this.violation = violation;
    }

    public @Nullable FieldViolation violation() {
        return violation;
    }

    /** Extra members of the problem body that let a client react (e.g. the actions a state allows). */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
