package cl.ventanilla.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.HashUtil;

/**
 * The RSA keys of the tokens, each known by its key id ({@code kid}): the RFC 7638 thumbprint of its public
 * key, so a key cannot be listed under a wrong name and the tokens issued before keys had names keep theirs.
 *
 * <ul>
 * <li>{@code VENTANILLA_JWT_PRIVATE_KEY_LOCATION}: the current key (PKCS#8 PEM), the only one that signs.</li>
 * <li>{@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}: its public key (PEM); optional, since the private key holds it.</li>
 * <li>{@code VENTANILLA_JWT_VERIFICATION_KEYS}: more public keys (PEM files, comma-separated) that only verify:
 * the previous key after a rotation, so nobody is signed out, and the next key before a rolling switch.</li>
 * </ul>
 *
 * Read once per start: a rotation is a restart with the new settings (README, "Rotating the token keys").
 */
@ApplicationScoped
public class TokenKeys {

    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());

    @Inject
    @ConfigProperty(name = "ventanilla.jwt.private-key.location")
    Optional<String> privateKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "ventanilla.jwt.verification-keys")
    Optional<String> verificationKeyLocations;

    private volatile SigningKey signing;
    private volatile Map<String, PublicKey> verifying;

    /** For tests and tools: the signing key and the keys that only verify, without configuration. */
    public static TokenKeys of(PrivateKey signingKey, PublicKey... verificationOnly) {
        TokenKeys keys = new TokenKeys();
        keys.signing = SigningKey.of(signingKey);
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        byId.put(keys.signing.id(), keys.signing.publicKey());
        Arrays.stream(verificationOnly).forEach(key -> byId.put(keyId(key), key));
        keys.verifying = Map.copyOf(byId);
        return keys;
    }

    /**
     * The key that signs new tokens.
     *
     * @throws IllegalStateException when none is configured or it cannot be read: no token is issued then
     */
    public SigningKey signing() {
        SigningKey key = signing;
        if (key == null) {
            String location = privateKeyLocation.filter(l -> !l.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "No hay clave privada para firmar tokens: defina VENTANILLA_JWT_PRIVATE_KEY_LOCATION "
                            + "(ventanilla.jwt.private-key.location) con la ruta de un archivo PEM PKCS#8."));
            key = SigningKey.of(readPrivateKey(path(location)));
            signing = key;
        }
        return key;
    }

    /** The keys a token may be signed with, by key id: the current one and those listed to verify only. */
    public Map<String, PublicKey> verification() {
        Map<String, PublicKey> keys = verifying;
        if (keys == null) {
            Map<String, PublicKey> byId = new LinkedHashMap<>();
            if (privateKeyLocation.filter(l -> !l.isBlank()).isPresent()) {
                try {
                    SigningKey current = signing();
                    byId.put(current.id(), current.publicKey());
                } catch (IllegalStateException unreadable) {
                    LOG.log(Level.SEVERE, unreadable.getMessage(), unreadable);
                }
            }
            publicKeyLocation.filter(l -> !l.isBlank()).ifPresent(location -> add(byId, location));
            verificationKeyLocations.map(TokenKeys::locations).orElse(List.of()).forEach(location -> add(byId, location));
            if (byId.isEmpty()) {
                LOG.warning("Sin claves de tokens (VENTANILLA_JWT_PRIVATE_KEY_LOCATION, MP_JWT_VERIFY_PUBLICKEY_LOCATION): "
                        + "no se acepta ningún token.");
            } else {
                LOG.info(() -> "Claves de tokens aceptadas (kid): " + byId.keySet());
            }
            keys = Map.copyOf(byId);
            verifying = keys;
        }
        return keys;
    }

    /** The RFC 7638 thumbprint (SHA-256, base64url) of an RSA public key: its {@code kid}. */
    public static String keyId(PublicKey key) {
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException("Los tokens se firman con RS256: se necesita una clave RSA");
        }
        return new RsaJsonWebKey(rsa).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    private static void add(Map<String, PublicKey> byId, String location) {
        try {
            PublicKey key = readPublicKey(Files.readString(path(location), StandardCharsets.US_ASCII));
            byId.put(keyId(key), key);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            // a key that cannot be read verifies nothing: its tokens are refused, none is let in by mistake
            LOG.log(Level.SEVERE, "No se pudo leer la clave pública de los tokens en " + location + ": " + e.getMessage(), e);
        }
    }

    private static Path path(String location) {
        return Path.of(location.strip().replaceFirst("^file:(//)?", ""));
    }

    static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static PrivateKey readPrivateKey(Path pemFile) {
        try {
            String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException("La clave privada de " + pemFile
                        + " debe ser PEM PKCS#8 (-----BEGIN PRIVATE KEY-----); convierta una clave RSA con "
                        + "`openssl pkcs8 -topk8 -nocrypt`.");
            }
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new IllegalStateException("No se pudo leer la clave privada de los tokens en " + pemFile
                    + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("La clave privada de " + pemFile + " no es una clave RSA válida: "
                    + e.getMessage(), e);
        }
    }

    /** The key that signs, its public half and its id. */
    public record SigningKey(PrivateKey privateKey, PublicKey publicKey, String id) {

        static SigningKey of(PrivateKey key) {
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("Los tokens se firman con RS256: se necesita una clave privada RSA");
            }
            try {
                PublicKey publicKey = KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                return new SigningKey(key, publicKey, keyId(publicKey));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return "SigningKey[id=" + id + "]";
        }
    }

    static List<String> locations(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
