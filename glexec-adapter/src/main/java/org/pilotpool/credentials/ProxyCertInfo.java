package org.pilotpool.credentials;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * The RFC 3820 ProxyCertInfo extension (OID 1.3.6.1.5.5.7.1.14, always critical):
 *
 * <pre>
 * ProxyCertInfo ::= SEQUENCE { pCPathLenConstraint INTEGER (0..MAX) OPTIONAL, proxyPolicy ProxyPolicy }
 * ProxyPolicy   ::= SEQUENCE { policyLanguage OBJECT IDENTIFIER, policy OCTET STRING OPTIONAL }
 * </pre>
 *
 * BouncyCastle has no type for it, so it is encoded here with BouncyCastle's ASN.1 primitives.
 *
 * @param pathLength how many further proxies may be signed below this one; empty means no limit
 * @param policyLanguage the policy language OID
 */
public record ProxyCertInfo(OptionalInt pathLength, ASN1ObjectIdentifier policyLanguage) {
  /** The extension's OID. */
  public static final ASN1ObjectIdentifier OID = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.14");
  /** id-ppl-inheritAll: the proxy has all the rights of its issuer. */
  public static final ASN1ObjectIdentifier INHERIT_ALL = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.21.1");
  /** id-ppl-independent: the proxy has no rights of its issuer. */
  public static final ASN1ObjectIdentifier INDEPENDENT = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.21.2");
  /** Globus "limited proxy" policy: not to be used to start jobs (GRAM refuses it). */
  public static final ASN1ObjectIdentifier LIMITED = new ASN1ObjectIdentifier("1.3.6.1.4.1.3536.1.1.1.9");

  public ProxyCertInfo {
    if (pathLength.isPresent() && pathLength.getAsInt() < 0) {
      throw new IllegalArgumentException("proxy path length must be 0 or more");
    }
  }

  /** The DER encoding that goes into the extension's OCTET STRING. */
  public byte[] encoded() {
    ASN1EncodableVector v = new ASN1EncodableVector();
    pathLength.ifPresent(n -> v.add(new ASN1Integer(n)));
    v.add(new DERSequence(policyLanguage));
    try {
      return new DERSequence(v).getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of ProxyCertInfo failed", e);
    }
  }

  /** The proxy type this extension makes of its certificate. */
  public ProxyType type() {
    if (INHERIT_ALL.equals(policyLanguage)) {
      return ProxyType.RFC3820_IMPERSONATION;
    }
    if (LIMITED.equals(policyLanguage)) {
      return ProxyType.RFC3820_LIMITED;
    }
    if (INDEPENDENT.equals(policyLanguage)) {
      return ProxyType.RFC3820_INDEPENDENT;
    }
    return ProxyType.RFC3820_RESTRICTED;
  }

  /**
   * The extension of a certificate, or empty when it has none.
   *
   * @throws IllegalArgumentException when the extension is present but not well formed
   */
  public static Optional<ProxyCertInfo> of(X509Certificate cert) {
    byte[] ext = cert.getExtensionValue(OID.getId());
    if (ext == null) {
      return Optional.empty();
    }
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(
          ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ext).getOctets()));
      OptionalInt pathLength = OptionalInt.empty();
      int i = 0;
      ASN1Encodable first = seq.getObjectAt(0);
      if (first instanceof ASN1Integer n) {
        BigInteger value = n.getValue();
        // Anything beyond int range is, in practice, no limit.
        pathLength = value.bitLength() < 31 ? OptionalInt.of(value.intValue()) : OptionalInt.empty();
        i = 1;
      }
      ASN1Sequence policy = ASN1Sequence.getInstance(seq.getObjectAt(i));
      return Optional.of(new ProxyCertInfo(pathLength,
          ASN1ObjectIdentifier.getInstance(policy.getObjectAt(0))));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("malformed ProxyCertInfo extension in certificate "
          + X509Names.slashForm(cert.getSubjectX500Principal()) + ": " + e.getMessage(), e);
    }
  }
}
