package cl.ventanilla.payara;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * The RSA key pair that signs Ventanilla's tokens (RS256) on one machine: generated once under the
 * launcher's home, the private key readable only by its owner. In production the operator provides
 * both files and names them in the environment; nothing here is a built-in default key.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static Map<String, String> ensure(Path directory) throws IOException {
        Path privateKey = directory.resolve("jwt-private.pem");
        Path publicKey = directory.resolve("jwt-public.pem");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            Files.createDirectories(directory);
            KeyPair pair;
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                pair = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            Files.deleteIfExists(privateKey);
            Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        return Map.of("VENTANILLA_JWT_PRIVATE_KEY_LOCATION", privateKey.toString(),
                // MicroProfile JWT on Payara finds the key only through a URL
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
