package org.pilotpool.credentials;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509AttributeCertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Signs proxies the way Globus {@code grid-proxy-init} does (globus_gsi_proxy_core):
 * <ul>
 *   <li>a fresh RSA key per proxy;
 *   <li>RFC 3820: subject = issuer subject + CN=&lt;serial&gt;, the serial being SHA-1 of the
 *       proxy's public key, bytes 0..3 little-endian with the top bit cleared; critical
 *       ProxyCertInfo with inherit-all or the Globus limited policy;
 *   <li>legacy: subject = issuer subject + CN=proxy (or "limited proxy"), the issuer's serial;
 *   <li>the issuer's key usage copied, critical, with non-repudiation and certificate signing
 *       cleared; its extended key usage copied;
 *   <li>valid from five minutes ago (clock skew) for the lifetime, but never beyond the issuer.
 * </ul>
 * A proxy signed by a limited proxy is itself limited, as Globus requires. Path-length limits are
 * written, not enforced here: the relying party checks them ({@link ProxyValidator}).
 */
public final class ProxyFactory {
  /** Globus back-dates proxies by this much to tolerate clock skew between hosts. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final InstantSource clock;
  private final SecureRandom random;
  private final int keyBits;

  public ProxyFactory(InstantSource clock, SecureRandom random) {
    this(clock, random, Keys.DEFAULT_BITS);
  }

  /** @param keyBits RSA size of proxy keys (grid-proxy-init's {@code -bits}) */
  public ProxyFactory(InstantSource clock, SecureRandom random, int keyBits) {
    this.clock = clock;
    this.random = random;
    this.keyBits = keyBits;
  }

  /**
   * Makes a proxy of {@code issuer} (a user credential or a proxy): the result's chain is the new
   * proxy followed by the issuer's chain.
   *
   * @throws IllegalArgumentException when a legacy proxy would sign an RFC 3820 one or vice versa
   */
  public Credential delegate(Credential issuer, ProxyRequest request) {
    X509Certificate issuerCert = issuer.certificate();
    ProxyType issuerType = Proxies.type(issuerCert);
    if (issuerType.isProxy() && issuerType.isLegacy() != request.legacy()) {
      throw new IllegalArgumentException("cannot sign a " + (request.legacy() ? "legacy" : "RFC 3820")
          + " proxy with a " + issuerType.description() + "; make the same kind of proxy");
    }
    boolean limited = request.limited() || issuerType.isLimited();
    KeyPair keys = Keys.newRsaKeyPair(keyBits, random);
    X500Name issuerName = X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded());

    BigInteger serial;
    String cn;
    if (request.legacy()) {
      serial = issuerCert.getSerialNumber();
      cn = limited ? Proxies.LEGACY_LIMITED_CN : Proxies.LEGACY_CN;
    } else {
      serial = BigInteger.valueOf(globusSerial(keys.getPublic().getEncoded()));
      cn = serial.toString();
    }
    Instant now = clock.instant();
    Instant end = now.plus(request.lifetime());
    Instant issuerEnd = issuerCert.getNotAfter().toInstant();
    try {
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial,
          Date.from(now.minus(CLOCK_SKEW)), Date.from(end.isAfter(issuerEnd) ? issuerEnd : end),
          X509Names.withRdn(issuerName, BCStyle.CN, cn), keys.getPublic());
      if (!request.legacy()) {
        ProxyCertInfo info = new ProxyCertInfo(request.pathLength(),
            limited ? ProxyCertInfo.LIMITED : ProxyCertInfo.INHERIT_ALL);
        b.addExtension(ProxyCertInfo.OID, true, info.encoded());
      }
      copyKeyUsage(issuerCert, b);
      if (!request.attributeCertificates().isEmpty()) {
        ASN1EncodableVector acs = new ASN1EncodableVector();
        for (X509AttributeCertificateHolder ac : request.attributeCertificates()) {
          acs.add(ac.toASN1Structure());
        }
        b.addExtension(VomsAttributes.AC_EXTENSION, false, new DERSequence(new DERSequence(acs)));
      }
      X509Certificate cert = new JcaX509CertificateConverter()
          .getCertificate(b.build(Keys.signer(issuer.privateKey())));
      List<X509Certificate> chain = new ArrayList<>();
      chain.add(cert);
      chain.addAll(issuer.chain());
      return new Credential(chain, keys.getPrivate());
    } catch (CertificateException | IOException e) {
      throw new IllegalStateException("signing a proxy certificate failed", e);
    }
  }

  private static void copyKeyUsage(X509Certificate issuer, X509v3CertificateBuilder b)
      throws IOException, CertificateException {
    var holder = new JcaX509CertificateHolder(issuer);
    KeyUsage usage = KeyUsage.fromExtensions(holder.getExtensions());
    if (usage != null) {
      int value = ASN1BitString.getInstance(usage.toASN1Primitive()).intValue()
          & ~(KeyUsage.nonRepudiation | KeyUsage.keyCertSign);
      b.addExtension(Extension.keyUsage, true, new KeyUsage(value));
    }
    Extension eku = holder.getExtension(Extension.extendedKeyUsage);
    if (eku != null) {
      b.addExtension(eku);
    }
  }

  /** Globus's proxy serial: SHA-1 of the SubjectPublicKeyInfo, first 4 bytes LE, top bit off. */
  static long globusSerial(byte[] subjectPublicKeyInfo) {
    try {
      byte[] md = MessageDigest.getInstance("SHA-1").digest(subjectPublicKeyInfo);
      return (md[0] & 0xffL) + 256L * ((md[1] & 0xffL) + 256L * ((md[2] & 0xffL) + 256L * ((md[3] & 0xffL) >> 1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
  }
}
