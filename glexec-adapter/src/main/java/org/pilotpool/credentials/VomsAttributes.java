package org.pilotpool.credentials;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.AttributeCertificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IetfAttrSyntax;
import org.bouncycastle.cert.X509AttributeCertificateHolder;

/**
 * The VOMS attributes a proxy carries: a VOMS attribute certificate in the non-critical proxy
 * extension 1.3.6.1.4.1.8005.100.100.5 ({@code SEQUENCE { SEQUENCE OF AttributeCertificate }}),
 * whose attribute 1.3.6.1.4.1.8005.100.100.4 is an IetfAttrSyntax with policy authority
 * {@code <vo>://<host>:<port>} and the FQANs as OCTET STRINGs, primary first. This is the layout
 * voms-proxy-init writes and voms-proxy-info, LCMAPS and Argus read.
 *
 * @param vo the VO name from the policy authority
 * @param issuer the VOMS server's DN, slash form
 * @param fqans the FQANs, primary first
 * @param notBefore start of the AC's validity
 * @param notAfter end of the AC's validity
 */
public record VomsAttributes(String vo, String issuer, List<String> fqans, Instant notBefore, Instant notAfter) {
  /** The proxy certificate extension holding the ACs. */
  public static final ASN1ObjectIdentifier AC_EXTENSION = new ASN1ObjectIdentifier("1.3.6.1.4.1.8005.100.100.5");
  /** The AC attribute holding the FQANs. */
  public static final ASN1ObjectIdentifier FQAN_ATTRIBUTE = new ASN1ObjectIdentifier("1.3.6.1.4.1.8005.100.100.4");
  /** The AC extension holding the VOMS server's certificate chain. */
  public static final ASN1ObjectIdentifier CERTS_EXTENSION = new ASN1ObjectIdentifier("1.3.6.1.4.1.8005.100.100.10");

  public VomsAttributes {
    fqans = List.copyOf(fqans);
  }

  /**
   * The first AC found walking the chain from the leaf, or empty when no certificate has one.
   *
   * @throws IllegalArgumentException when an AC extension is present but malformed
   */
  public static Optional<VomsAttributes> of(List<X509Certificate> chain) {
    for (X509Certificate cert : chain) {
      byte[] ext = cert.getExtensionValue(AC_EXTENSION.getId());
      if (ext != null) {
        try {
          return Optional.of(parse(ext));
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException("malformed VOMS attribute certificate extension in "
              + X509Names.slashForm(cert.getSubjectX500Principal()) + ": " + e.getMessage(), e);
        }
      }
    }
    return Optional.empty();
  }

  private static VomsAttributes parse(byte[] extensionValue) throws IOException {
    ASN1Sequence outer = ASN1Sequence.getInstance(
        ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extensionValue).getOctets()));
    ASN1Sequence acs = ASN1Sequence.getInstance(outer.getObjectAt(0));
    X509AttributeCertificateHolder ac =
        new X509AttributeCertificateHolder(AttributeCertificate.getInstance(acs.getObjectAt(0)));
    List<String> fqans = new ArrayList<>();
    String vo = "";
    for (org.bouncycastle.asn1.x509.Attribute attribute : ac.getAttributes(FQAN_ATTRIBUTE)) {
      for (ASN1Encodable value : attribute.getAttributeValues()) {
        IetfAttrSyntax syntax = IetfAttrSyntax.getInstance(value);
        if (syntax.getPolicyAuthority() != null && vo.isEmpty()) {
          for (GeneralName gn : syntax.getPolicyAuthority().getNames()) {
            String authority = ((ASN1String) gn.getName()).getString();
            int sep = authority.indexOf("://");
            vo = sep < 0 ? authority : authority.substring(0, sep);
          }
        }
        for (Object v : syntax.getValues()) {
          fqans.add(v instanceof ASN1OctetString os
              ? new String(os.getOctets(), java.nio.charset.StandardCharsets.UTF_8) : v.toString());
        }
      }
    }
    String issuer = X509Names.slashForm(ac.getIssuer().getNames()[0]);
    return new VomsAttributes(vo, issuer, fqans, ac.getNotBefore().toInstant(), ac.getNotAfter().toInstant());
  }
}
