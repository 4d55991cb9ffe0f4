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
}
