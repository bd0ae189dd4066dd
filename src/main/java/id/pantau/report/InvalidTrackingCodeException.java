package id.pantau.report;

/** A string that is not a report's tracking code; the message says what is wrong with it, for the person who typed it. */
public class InvalidTrackingCodeException extends IllegalArgumentException {

    public InvalidTrackingCodeException(String message) {
        super(message);
    }
}
