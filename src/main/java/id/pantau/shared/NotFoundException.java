package id.pantau.shared;

/** Something asked for by its identifier does not exist: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
