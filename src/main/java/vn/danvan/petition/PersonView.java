package vn.danvan.petition;

/**
 * A person named on a petition as a user may see it: in clear for users granted the case, else
 * masked ({@code masked} true, every identity field "***").
 */
public record PersonView(PersonRole role, boolean organisation, String name, String address, String phone, String idNumber,
                         boolean masked) {

    static final String MASK = "***";

    static PersonView masked(PersonRole role, boolean organisation) {
        return new PersonView(role, organisation, MASK, MASK, MASK, MASK, true);
    }
}
