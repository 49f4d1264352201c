package com.canon.cps.platform.security;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RSA keys as PEM text, the form in which keys reach services through configuration. */
public final class Pem {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\\s]+-----END PUBLIC KEY-----");

    private Pem() {}

    public static RSAPublicKey publicKey(String pem) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decode(pem)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PEM RSA public key (X.509 SubjectPublicKeyInfo)", e);
        }
    }

    /**
     * Every public key in {@code pem}, which may hold several PEM blocks one after the other: during a key rotation the
     * current key and the next (or the previous) one.
     */
    public static List<RSAPublicKey> publicKeys(String pem) {
        Matcher block = BLOCK.matcher(pem == null ? "" : pem);
        List<RSAPublicKey> keys = new ArrayList<>();
        while (block.find()) {
            keys.add(publicKey(block.group()));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No PEM RSA public key (-----BEGIN PUBLIC KEY-----) found");
        }
        return List.copyOf(keys);
    }

    /** The public half of an RSA private key (PKCS#8 keys carry the public exponent). */
    public static RSAPublicKey publicKeyOf(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("An RSA private key without its public exponent");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAPrivateKey privateKey(String pem) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decode(pem)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PEM RSA private key (PKCS#8)", e);
        }
    }

    public static String encodePublic(RSAPublicKey key) {
        return encode("PUBLIC KEY", key.getEncoded());
    }

    public static String encodePrivate(RSAPrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] decode(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
