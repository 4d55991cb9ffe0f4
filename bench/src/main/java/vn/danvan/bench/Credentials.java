package vn.danvan.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Passwords given to the application on its first start (fresh for each run), and the accounts the
 * virtual users sign in with: "admin", then the demo accounts of contracts §2, one per worker.
 */
record Credentials(String adminPassword, String demoPassword) {

    record Account(String username, String password) {
    }

    private static final List<String> DEMO_USERS = List.of("lanhdao.langson", "canbo.langson", "tiepdan.langson",
            "canbo.luongvantri", "canbo.dongkinh", "canbo.thainguyen", "xem.ninhbinh");

    static Credentials random() {
        return new Credentials("Bench-" + randomText(16), "Demo-" + randomText(16));
    }

    /** The account of worker {@code i}: admin first, then each demo account, then round again. */
    Account account(int i) {
        var all = new ArrayList<Account>();
        all.add(new Account("admin", adminPassword));
        DEMO_USERS.forEach(user -> all.add(new Account(user, demoPassword)));
        return all.get(i % all.size());
    }

    private static String randomText(int length) {
        var alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var random = new SecureRandom();
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
