package org.pilotpool.credentials;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A test certification authority: a self-signed RSA 2048 root that issues user and service
 * (VOMS server) certificates with the extensions IGTF grid CAs put in them. For tests, demos and
 * private pools, not for production trust.
 */
public final class CertificateAuthority {
  private final Credential credential;
  private final InstantSource clock;
  private final SecureRandom random;

  /**
   * @param credential the CA certificate and its key
   * @param clock the source of "now" for issued certificates' validity
   * @param random for keys and serial numbers
   */
  public CertificateAuthority(Credential credential, InstantSource clock, SecureRandom random) {
    this.credential = credential;
    this.clock = clock;
    this.random = random;
  }

  /** Makes a new self-signed CA valid from now for {@code validity}. */
  public static CertificateAuthority create(String slashDn, Duration validity, InstantSource clock, SecureRandom random) {
    X500Name name = X509Names.parse(slashDn);
    KeyPair keys = Keys.newRsaKeyPair(Keys.DEFAULT_BITS, random);
    Instant now = clock.instant();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(random),
          Date.from(now), Date.from(now.plus(validity)), name, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(Keys.signer(keys.getPrivate())));
      return new CertificateAuthority(new Credential(List.of(cert), keys.getPrivate()), clock, random);
    } catch (CertificateException | CertIOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("building a CA certificate failed", e);
    }
  }

  public X509Certificate certificate() {
    return credential.certificate();
  }

  public PrivateKey privateKey() {
    return credential.privateKey();
  }

  /**
   * A user (end-entity) certificate for grid authentication: digital signature, non-repudiation,
   * key and data encipherment; client authentication and e-mail protection.
   */
  public Credential issueUser(String slashDn, Duration validity) {
    return issue(slashDn, validity,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation
            | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment),
        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection}));
  }

  /** A service (host) certificate, as a VOMS server holds: server and client authentication. */
  public Credential issueService(String slashDn, Duration validity) {
    return issue(slashDn, validity,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment),
        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
  }

  private Credential issue(String slashDn, Duration validity, KeyUsage usage, ExtendedKeyUsage extendedUsage) {
    X500Name subject = X509Names.parse(slashDn);
    KeyPair keys = Keys.newRsaKeyPair(Keys.DEFAULT_BITS, random);
    Instant now = clock.instant();
    Instant end = now.plus(validity);
    Instant caEnd = certificate().getNotAfter().toInstant();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
          X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded()), serial(random),
          Date.from(now), Date.from(end.isAfter(caEnd) ? caEnd : end), subject, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, usage)
          .addExtension(Extension.extendedKeyUsage, false, extendedUsage)
          .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()))
          .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate()));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(Keys.signer(privateKey())));
      return new Credential(List.of(cert), keys.getPrivate());
    } catch (CertificateException | CertIOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("issuing a certificate failed", e);
    }
  }

  /** A positive 63-bit serial: unique enough for a test CA, and accepted everywhere. */
  private static BigInteger serial(SecureRandom random) {
    return BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE | 1L);
  }
}
