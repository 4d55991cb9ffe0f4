package vn.danvan.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The identity fields sealed at rest: each value its own nonce, readable back on any thread, only with its key. */
class IdentityVaultTests {

    static IdentityVault vault(byte fill) {
        var key = new byte[32];
        java.util.Arrays.fill(key, fill);
        return new IdentityVault(new PetitionSettings(5, Base64.getEncoder().encodeToString(key), 3, 3, 10, 5, 90), "unused",
                "jdbc:postgresql://external/db");
    }

    @Test
    void aValueSealedTwiceGivesTwoDifferentCiphertextsThatBothOpenToIt() {
        var vault = vault((byte) 7);
        var first = vault.encrypt("Nguyễn Văn Tố Cáo");
        var second = vault.encrypt("Nguyễn Văn Tố Cáo");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Nguy");
        assertThat(vault.decrypt(first)).isEqualTo("Nguyễn Văn Tố Cáo");
        assertThat(vault.decrypt(second)).isEqualTo("Nguyễn Văn Tố Cáo");
        assertThat(vault.encrypt("  ")).isNull();
    }

    @Test
    void valuesSealedOnManyThreadsAtOnceOpenOnAnyThread() throws Exception {
        var vault = vault((byte) 3);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<byte[]>>();
            for (int i = 0; i < 200; i++) {
                var text = "Số nhà " + i + ", thôn Đông";
                tasks.add(() -> vault.encrypt(text));
            }
            var sealed = pool.invokeAll(tasks);
            for (int i = 0; i < sealed.size(); i++) {
                var value = sealed.get(i).get();
                var expected = "Số nhà " + i + ", thôn Đông";
                assertThat(pool.submit(() -> vault.decrypt(value)).get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aValueSealedWithAnotherKeyDoesNotOpenAndTheNextValueStillDoes() {
        var sealed = vault((byte) 1).encrypt("0912000000");
        var other = vault((byte) 2);
        assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("DANVAN_IDENTITY_KEY");
        assertThat(other.decrypt(other.encrypt("0912000000"))).as("the thread's cipher is usable after a failure").isEqualTo("0912000000");
    }
    @Test
    void theSamePersonHashesToTheValueStoredBeforeOnEveryThreadWhateverTheAccentsAndSeparators() throws Exception {
        var key = new byte[32];
        java.util.Arrays.fill(key, (byte) 5);
        // the hash kept in the database for returning petitioners: HMAC-SHA256 under a key derived from the identity key
        var derived = javax.crypto.Mac.getInstance("HmacSHA256");
        derived.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        var hashKey = derived.doFinal("danvan-identity-hash".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(hashKey, "HmacSHA256"));
        var expected = java.util.HexFormat.of().formatHex(
                mac.doFinal("nguyen van an|001088012345".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        var vault = vault((byte) 5);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<String[]>>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> new String[] {vault.identityHash("Nguyễn Văn An", "001 088.012-345", null, null),
                        vault.identityHash("Trần Thị Bình", null, "0912 000 111", null),
                        vault.identityHash("NGUYỄN VĂN AN", "001088012345", "0999", "Thôn Đông")});
            }
            for (var hashes : pool.invokeAll(tasks)) {
                assertThat(hashes.get()[0]).isEqualTo(expected);
                assertThat(hashes.get()[2]).as("case, accents and separators aside, the same person").isEqualTo(expected);
                assertThat(hashes.get()[1]).as("another person, hashed between on the same thread").isNotEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(vault((byte) 6).identityHash("Nguyễn Văn An", "001088012345", null, null)).as("another key")
                .isNotEqualTo(expected);
        assertThat(vault.identityHash(" ", "001088012345", null, null)).isNull();
    }

    @Test
    void digitsKeepsTheAsciiDigitsInOrder() {
        assertThat(IdentityVault.digits("+84 (0)912.000-111")).isEqualTo("840912000111");
        assertThat(IdentityVault.digits("không có")).isEmpty();
        assertThat(IdentityVault.digits(null)).isEmpty();
    }
}
