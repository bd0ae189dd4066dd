package id.pantau.shared;

/**
 * One thing wrong with one input field. {@code code} is a stable key (also the message key
 * {@code error.<code>} for the UI); {@code message} is the English text API clients see.
 */
public record FieldViolation(String field, String code, String message) {
}
