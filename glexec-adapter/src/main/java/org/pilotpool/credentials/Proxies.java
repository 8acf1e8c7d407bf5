package org.pilotpool.credentials;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.pilotpool.model.credential.ProxyCredential;

/**
 * What a proxy chain says about its owner: type, identity, lifetime, key strength and VOMS FQANs.
 * Chains are leaf first, as in a Globus proxy file. These functions read; they do not validate
 * (see {@link ProxyValidator}).
 */
public final class Proxies {
  /** Last CN of a legacy Globus proxy. */
  static final String LEGACY_CN = "proxy";
  /** Last CN of a legacy Globus limited proxy. */
  static final String LEGACY_LIMITED_CN = "limited proxy";

  private Proxies() {}

  /**
   * The type of one certificate: RFC 3820 by its ProxyCertInfo extension, legacy by its last CN
   * ({@code proxy} or {@code limited proxy}) following its issuer's subject, otherwise not a proxy.
   *
   * @throws IllegalArgumentException when a ProxyCertInfo extension is present but malformed
   */
  public static ProxyType type(X509Certificate cert) {
    Optional<ProxyCertInfo> info = ProxyCertInfo.of(cert);
    if (info.isPresent()) {
      return info.get().type();
    }
    X500Name subject = name(cert.getSubjectX500Principal().getEncoded());
    X500Name issuer = name(cert.getIssuerX500Principal().getEncoded());
    String cn = X509Names.lastCommonName(subject);
    if ((LEGACY_CN.equals(cn) || LEGACY_LIMITED_CN.equals(cn))
        && X509Names.withoutLastRdn(subject).equals(issuer)) {
      return LEGACY_CN.equals(cn) ? ProxyType.LEGACY : ProxyType.LEGACY_LIMITED;
    }
    return ProxyType.NOT_A_PROXY;
  }

  /**
   * The identity a chain stands for: the leaf's subject with one CN removed per proxy, i.e. the
   * end-entity DN (HTCondor's {@code x509userproxysubject}, {@code grid-proxy-info -identity}).
   * Works even when the file lacks the end-entity certificate.
   */
  public static X500Name identityName(List<X509Certificate> chain) {
    X500Name name = name(chain.get(0).getSubjectX500Principal().getEncoded());
    for (int i = 0; i < chain.size() && type(chain.get(i)).isProxy(); i++) {
      name = X509Names.withoutLastRdn(name);
    }
    return name;
  }

  /** {@link #identityName} in slash form, e.g. {@code /DC=org/DC=example/CN=Alice}. */
  public static String identity(List<X509Certificate> chain) {
    return X509Names.slashForm(identityName(chain));
  }

  /** The earliest end of validity in the chain: the chain is usable only until then. */
  public static Instant notAfter(List<X509Certificate> chain) {
    return chain.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow();
  }

  /** The VOMS FQANs of the leaf-most attribute certificate in the chain, primary first. */
  public static List<String> fqans(List<X509Certificate> chain) {
    return VomsAttributes.of(chain).map(VomsAttributes::fqans).orElse(List.of());
  }

  /** Key size in bits (RSA modulus, EC field), as {@code grid-proxy-info -strength}. */
  public static int strength(X509Certificate cert) {
    PublicKey key = cert.getPublicKey();
    if (key instanceof RSAPublicKey rsa) {
      return rsa.getModulus().bitLength();
    }
    if (key instanceof ECPublicKey ec) {
      return ec.getParams().getCurve().getField().getFieldSize();
    }
    return 0;
  }

  /** The pool's view of a proxy file: location, identity, FQANs and earliest not-after. */
  public static ProxyCredential toProxyCredential(String location, List<X509Certificate> chain) {
    return new ProxyCredential(location, identity(chain), fqans(chain), notAfter(chain));
  }

  /**
   * {@code H:MM:SS} as {@code grid-proxy-info -timeleft} prints it in {@code -all}, with the days
   * in brackets beyond one day; 0:00:00 once expired.
   */
  public static String formatTimeLeft(long seconds) {
    long s = Math.max(0, seconds);
    String hms = String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    return s >= 86400 ? hms + String.format("  (%.1f days)", s / 86400.0) : hms;
  }

  static X500Name name(byte[] encoded) {
    return X500Name.getInstance(encoded);
  }
}
