package id.pantau.region;

/** A string that is not a region code in the dotted Kemendagri format. */
public class InvalidRegionCodeException extends IllegalArgumentException {

    public InvalidRegionCodeException(String value) {
        super("'" + value + "' is not a region code such as 35, 35.09, 35.09.01 or 35.09.01.2001");
    }
}
