package vn.danvan.petition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.danvan.shared.VietnameseText;

/**
 * Encrypts the identity fields of petitioners and visitors at rest (AES-256-GCM, a random 12-byte
 * nonce before each ciphertext) and makes the keyed hash that recognises the same petitioner without
 * revealing who it is. The key comes from {@code DANVAN_IDENTITY_KEY}; the embedded default makes one
 * on first start and keeps it beside the database in the data directory (never in the repository,
 * never logged). An external database without a key refuses to start.
 */
@Component
class IdentityVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;
    private final SecretKeySpec hashKey;
    /**
     * One HMAC per thread, initialised once with the hash key (doFinal resets it for the next value): looking the
     * algorithm up and choosing its provider for every petitioner took 4 % of the lifecycle bench's JVM samples.
     */
    private final ThreadLocal<Mac> hashMacs;

    IdentityVault(PetitionSettings settings, @Value("${danvan.data-dir:./data}") String dataDir,
                  @Value("${danvan.db.url:}") String externalDb) {
        var bytes = keyBytes(settings.identityKey(), Path.of(dataDir), externalDb.isBlank());
        this.key = new SecretKeySpec(bytes, "AES");
        this.hashKey = new SecretKeySpec(hmac(new SecretKeySpec(bytes, "HmacSHA256"), "danvan-identity-hash"), "HmacSHA256");
        this.hashMacs = ThreadLocal.withInitial(() -> mac(hashKey));
    }

    byte[] encrypt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            var nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            var cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            var sealed = cipher.doFinal(VietnameseText.nfc(text.strip()).getBytes(StandardCharsets.UTF_8));
            var out = new byte[12 + sealed.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("identity encryption failed", e);
        }
    }

    String decrypt(byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            var cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("identity decryption failed (wrong DANVAN_IDENTITY_KEY?)", e);
        }
    }

    /**
     * The same value for the same person: name (accents, case and tone placement ignored) with the
     * identity number, else the phone, else the address.
     */
    String identityHash(String name, String idNumber, String phone, String address) {
        if (name == null || name.isBlank()) {
            return null;
        }
        var anchor = digits(idNumber);
        if (anchor.isEmpty()) {
            anchor = digits(phone);
        }
        if (anchor.isEmpty() && address != null) {
            anchor = VietnameseText.searchKey(VietnameseText.withNewTonePlacement(address));
        }
        var text = VietnameseText.searchKey(VietnameseText.withNewTonePlacement(name)) + "|" + anchor;
        return HexFormat.of().formatHex(hashMacs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The ASCII digits of the text, in order (an identity number or a phone number without its spaces and dots). */
    static String digits(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * One AES/GCM cipher per thread, initialised afresh (key and nonce) for every value: looking the algorithm up in the
     * providers for each of a petitioner's four fields took 7 of the 175 JFR samples of the lifecycle bench's workers.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    private static byte[] hmac(SecretKeySpec key, String text) {
        return mac(key).doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] keyBytes(String configured, Path dataDir, boolean embedded) {
        if (configured != null && !configured.isBlank()) {
            var bytes = Base64.getDecoder().decode(configured.strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("DANVAN_IDENTITY_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
            }
            return bytes;
        }
        if (!embedded) {
            throw new IllegalStateException("DANVAN_IDENTITY_KEY is required with an external database (openssl rand -base64 32)");
        }
        var file = dataDir.resolve("identity.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(dataDir);
            var bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the identity key in " + file, e);
        }
    }
}
