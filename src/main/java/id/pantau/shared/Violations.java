package id.pantau.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

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

    /**
     * A query parameter's ISO date ({@code 2024-02-14}), {@code otherwise} when it is absent or
     * blank; a date that cannot be read is recorded as {@code <field>.format} and answers {@code otherwise}.
     */
    public LocalDate date(String field, @Nullable String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            add(field, field + ".format", "must be a date such as 2024-02-14");
            return otherwise;
        }
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
