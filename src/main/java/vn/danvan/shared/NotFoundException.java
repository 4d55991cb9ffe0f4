package vn.danvan.shared;

/**
 * A record that does not exist, or that the caller may not see: both answer the same way (HTTP
 * 404), so that nobody learns that a record outside their scope exists.
 */
public class NotFoundException extends RuntimeException {

    private final String what;
    private final Object key;

    public NotFoundException(String what, Object key) {
        super(what + " " + key + " not found");
        this.what = what;
        this.key = key;
    }

    /** The kind of record, as a message key suffix: "unit", "user" ... */
    public String what() {
        return what;
    }

    public Object key() {
        return key;
    }
}
