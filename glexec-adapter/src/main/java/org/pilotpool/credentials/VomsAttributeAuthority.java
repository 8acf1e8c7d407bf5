package org.pilotpool.credentials;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.AttributeCertificateHolder;
import org.bouncycastle.cert.AttributeCertificateIssuer;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509AttributeCertificateHolder;
import org.bouncycastle.cert.X509v2AttributeCertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * A test VOMS server: signs VOMS attribute certificates (RFC 3281 ACs in the VOMS profile) with
 * its service credential, so that proxies carry FQANs real VOMS-aware tools can read:
 * <ul>
 *   <li>holder = the end-entity certificate (issuer and serial), issuer = the server's DN (v2Form);
 *   <li>attribute 1.3.6.1.4.1.8005.100.100.4: IetfAttrSyntax, policy authority
 *       {@code <vo>://<host>:<port>}, FQANs as OCTET STRINGs, primary first;
 *   <li>extensions: the server's certificate chain (1.3.6.1.4.1.8005.100.100.10), no revocation
 *       information available (2.5.29.56) and the authority key identifier, as VOMS adds them.
 * </ul>
 */
public final class VomsAttributeAuthority {
  private final Credential server;
  private final String vo;
  private final String host;
  private final int port;
  private final InstantSource clock;
  private final SecureRandom random;

  /**
   * @param server the VOMS server's service certificate and key
   * @param vo the VO name, e.g. {@code cms}
   * @param host the VOMS host name, part of the policy authority URI
   * @param port the VOMS port, likewise
   */
  public VomsAttributeAuthority(Credential server, String vo, String host, int port,
      InstantSource clock, SecureRandom random) {
    this.server = server;
    this.vo = vo;
    this.host = host;
    this.port = port;
    this.clock = clock;
    this.random = random;
  }

  /**
   * An FQAN in the full form VOMS servers put in ACs: {@code /cms} becomes
   * {@code /cms/Role=NULL/Capability=NULL}, {@code /cms/Role=pilot} becomes
   * {@code /cms/Role=pilot/Capability=NULL}.
   *
   * @throws IllegalArgumentException when the text does not start with '/' and a VO name
   */
  public static String normalizeFqan(String fqan) {
    if (!fqan.matches("/[^/=]+(/[^/=]+)*(/Role=[^/]+)?(/Capability=[^/]+)?")) {
      throw new IllegalArgumentException("'" + fqan + "' is not an FQAN: expected /<vo>[/<group>...][/Role=<r>][/Capability=<c>]");
    }
    String full = fqan;
    if (!full.contains("/Role=")) {
      int cap = full.indexOf("/Capability=");
      full = cap < 0 ? full + "/Role=NULL" : full.substring(0, cap) + "/Role=NULL" + full.substring(cap);
    }
    if (!full.contains("/Capability=")) {
      full = full + "/Capability=NULL";
    }
    return full;
  }

  /** The VO of an FQAN: its first path element. */
  public static String voOf(String fqan) {
    String rest = fqan.startsWith("/") ? fqan.substring(1) : fqan;
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  public String vo() {
    return vo;
  }

  public X509Certificate certificate() {
    return server.certificate();
  }

  /**
   * An AC for the holder of {@code holderChain} (its end-entity certificate is the holder), valid
   * from now for {@code lifetime}.
   *
   * @param fqans FQANs such as {@code /cms/Role=NULL/Capability=NULL}, primary first; each must
   *     belong to this VO
   */
  public X509AttributeCertificateHolder issue(List<X509Certificate> holderChain, List<String> fqans, Duration lifetime) {
    if (fqans.isEmpty()) {
      throw new IllegalArgumentException("a VOMS attribute certificate needs at least one FQAN");
    }
    for (String fqan : fqans) {
      if (!fqan.equals("/" + vo) && !fqan.startsWith("/" + vo + "/")) {
        throw new IllegalArgumentException("FQAN '" + fqan + "' does not belong to VO '" + vo
            + "': expected /" + vo + "[/group...][/Role=r][/Capability=c]");
      }
    }
    X509Certificate holder = holderChain.stream()
        .filter(c -> !Proxies.type(c).isProxy()).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the chain has no end-entity certificate"));
    Instant now = clock.instant();
    try {
      X509v2AttributeCertificateBuilder b = new X509v2AttributeCertificateBuilder(
          new AttributeCertificateHolder(new JcaX509CertificateHolder(holder)),
          new AttributeCertificateIssuer(X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded())),
          new BigInteger(63, random), Date.from(now), Date.from(now.plus(lifetime)));
      ASN1EncodableVector values = new ASN1EncodableVector();
      for (String fqan : fqans) {
        values.add(new DEROctetString(fqan.getBytes(StandardCharsets.UTF_8)));
      }
      GeneralNames authority = new GeneralNames(
          new GeneralName(GeneralName.uniformResourceIdentifier, vo + "://" + host + ":" + port));
      b.addAttribute(VomsAttributes.FQAN_ATTRIBUTE,
          new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
              new DERTaggedObject(false, 0, authority), new DERSequence(values)}));
      ASN1EncodableVector certs = new ASN1EncodableVector();
      for (X509Certificate c : server.chain()) {
        certs.add(Certificate.getInstance(c.getEncoded()));
      }
      b.addExtension(VomsAttributes.CERTS_EXTENSION, false, new DERSequence(certs));
      b.addExtension(Extension.noRevAvail, false, DERNull.INSTANCE);
      b.addExtension(Extension.authorityKeyIdentifier, false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate()));
      return b.build(Keys.signer(server.privateKey()));
    } catch (CertificateEncodingException | CertIOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("building a VOMS attribute certificate failed", e);
    }
  }
}
