package id.pantau.shared;

/**
 * A string that is not a NIK. The message says what is wrong, naming at most the offending part
 * (such as the birth date), never the whole number: messages end up in logs and error responses.
 */
public class InvalidNikException extends IllegalArgumentException {

    public InvalidNikException(String reason) {
        super("Not a valid NIK: " + reason);
    }
}
