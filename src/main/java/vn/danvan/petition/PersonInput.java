package vn.danvan.petition;

/**
 * A person (or organisation) named on a petition: the petitioner, a representative of a group, or
 * an authorised person. Name, address, phone and identity number are encrypted when saved.
 */
public record PersonInput(PersonRole role, boolean organisation, String name, String address, String phone, String idNumber) {

    public PersonInput {
        role = role == null ? PersonRole.PETITIONER : role;
    }
}
