package id.pantau.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects every violation of a request so that a client learns all its mistakes in one answer. */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String code, String message) {
        found.add(new FieldViolation(field, code, message));
        return this;
    }

    /** Records a violation unless {@code condition} holds; returns the condition for chaining checks. */
    public boolean check(boolean condition, String field, String code, String message) {
        if (!condition) {
            add(field, code, message);
        }
        return condition;
    }

    public boolean has(String field) {
        return found.stream().anyMatch(v -> v.field().equals(field));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
