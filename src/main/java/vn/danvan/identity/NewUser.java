package vn.danvan.identity;

/** What an administrator types to create an account; checked by {@link UserManagement#create}. */
public record NewUser(String username, String displayName, String email, String password, Long homeUnitId) {
}
