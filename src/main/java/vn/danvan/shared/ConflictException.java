package vn.danvan.shared;

/**
 * Another user saved the same record after this user read it: nothing was written, and the user is
 * shown the newer version (HTTP 409). {@code what} names the record kind, {@code key} the record.
 */
public class ConflictException extends RuntimeException {

    private final String what;
    private final Object key;

    public ConflictException(String what, Object key) {
        super(what + " " + key + " was changed by someone else");
        this.what = what;
        this.key = key;
    }

    public String what() {
        return what;
    }

    public Object key() {
        return key;
    }
}
