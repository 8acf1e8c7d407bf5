package org.pilotpool.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Key pairs and signers. Keys are RSA: the Globus and VOMS tool chain (grid-proxy-init, LCMAPS,
 * older OpenSSL-based relying parties) assumes RSA, and {@code grid-proxy-info -strength} reports
 * RSA modulus sizes.
 */
final class Keys {
  /** Default RSA key size: what grid-proxy-init and current CA policies use. */
  static final int DEFAULT_BITS = 2048;

  private Keys() {}

  static KeyPair newRsaKeyPair(int bits, SecureRandom random) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(bits, random);
      return gen.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is required of every Java platform", e);
    }
  }

  /** SHA-256 with the issuer's key algorithm (RSA or ECDSA). */
  static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC", "ECDSA" -> "SHA256withECDSA";
      default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm()
          + ", expected RSA or EC");
    };
  }

  static ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("no signer for " + key.getAlgorithm() + " keys", e);
    }
  }

  /** Whether the private key belongs to the public key: sign a fixed text and verify it. */
  static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    try {
      byte[] probe = "pilotpool key match".getBytes(StandardCharsets.US_ASCII);
      String alg = signatureAlgorithm(privateKey);
      Signature s = Signature.getInstance(alg);
      s.initSign(privateKey);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(publicKey);
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
