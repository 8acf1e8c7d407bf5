package org.pilotpool.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.util.encoders.Hex;

/**
 * Distinguished names in the OpenSSL/Globus "slash" form ({@code /DC=org/DC=example/CN=Alice}),
 * the form grid tools print and HTCondor stores in {@code x509userproxysubject}. RDNs appear in
 * encoding order (most significant first), attribute names as OpenSSL abbreviates them.
 */
public final class X509Names {
  /** OpenSSL's short names where they differ from, or are missing in, BouncyCastle's style. */
  private static final Map<ASN1ObjectIdentifier, String> OPENSSL_NAMES = Map.of(
      BCStyle.CN, "CN",
      BCStyle.C, "C",
      BCStyle.L, "L",
      BCStyle.ST, "ST",
      BCStyle.O, "O",
      BCStyle.OU, "OU",
      BCStyle.DC, "DC",
      BCStyle.EmailAddress, "emailAddress",
      BCStyle.UID, "UID",
      BCStyle.SERIALNUMBER, "serialNumber");

  /** A segment that starts a new RDN: an attribute name followed by '='. */
  private static final Pattern RDN_START = Pattern.compile("^[A-Za-z][A-Za-z0-9.]*=.*", Pattern.DOTALL);

  private X509Names() {}

  /** The slash form of a principal, e.g. {@code /DC=org/DC=example/CN=Alice}. */
  public static String slashForm(X500Principal principal) {
    return slashForm(X500Name.getInstance(principal.getEncoded()));
  }

  /** The slash form of a BouncyCastle name. */
  public static String slashForm(X500Name name) {
    StringBuilder sb = new StringBuilder();
    for (RDN rdn : name.getRDNs()) {
      sb.append('/');
      AttributeTypeAndValue[] avas = rdn.getTypesAndValues();
      for (int i = 0; i < avas.length; i++) {
        if (i > 0) {
          sb.append('+');
        }
        sb.append(shortName(avas[i].getType())).append('=').append(valueString(avas[i].getValue()));
      }
    }
    return sb.toString();
  }

  /**
   * Parses a slash-form DN. A '/' inside a value (as in {@code CN=host/ce.example.org}) is kept when
   * the text after it does not start a new {@code NAME=} component.
   *
   * @throws IllegalArgumentException with a one-line reason when the text is not a slash-form DN
   */
  public static X500Name parse(String slashDn) {
    if (slashDn == null || !slashDn.startsWith("/") || slashDn.length() < 2) {
      throw new IllegalArgumentException(
          "expected a DN in slash form such as /DC=org/DC=example/CN=Alice, got '" + slashDn + "'");
    }
    List<String> rdns = new ArrayList<>();
    for (String segment : slashDn.substring(1).split("/", -1)) {
      if (RDN_START.matcher(segment).matches() || rdns.isEmpty()) {
        rdns.add(segment);
      } else {
        rdns.set(rdns.size() - 1, rdns.get(rdns.size() - 1) + "/" + segment);
      }
    }
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    for (String rdn : rdns) {
      String[] parts = rdn.split("\\+(?=[A-Za-z][A-Za-z0-9.]*=)");
      ASN1ObjectIdentifier[] oids = new ASN1ObjectIdentifier[parts.length];
      String[] values = new String[parts.length];
      for (int i = 0; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("DN component '" + parts[i] + "' in '" + slashDn
              + "' is not of the form NAME=value");
        }
        oids[i] = attributeOid(parts[i].substring(0, eq), slashDn);
        values[i] = parts[i].substring(eq + 1);
        if (values[i].isEmpty()) {
          throw new IllegalArgumentException("DN component '" + parts[i] + "' in '" + slashDn
              + "' has an empty value");
        }
      }
      if (parts.length == 1) {
        builder.addRDN(oids[0], values[0]);
      } else {
        builder.addMultiValuedRDN(oids, values);
      }
    }
    return builder.build();
  }

  /** The JDK principal for a slash-form DN. */
  public static X500Principal principal(String slashDn) {
    try {
      return new X500Principal(parse(slashDn).getEncoded());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("DER encoding of an X.500 name failed", e);
    }
  }

  /** The name without its last (least significant) RDN. */
  static X500Name withoutLastRdn(X500Name name) {
    RDN[] rdns = name.getRDNs();
    RDN[] shorter = new RDN[Math.max(0, rdns.length - 1)];
    System.arraycopy(rdns, 0, shorter, 0, shorter.length);
    return new X500Name(shorter);
  }

  /** The name with one more RDN at the end. */
  static X500Name withRdn(X500Name name, ASN1ObjectIdentifier type, String value) {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    for (RDN rdn : name.getRDNs()) {
      builder.addMultiValuedRDN(rdn.getTypesAndValues());
    }
    return builder.addRDN(type, value).build();
  }

  /** The value of the last RDN when it is a single CN, else null. */
  static String lastCommonName(X500Name name) {
    RDN[] rdns = name.getRDNs();
    if (rdns.length == 0 || rdns[rdns.length - 1].isMultiValued()) {
      return null;
    }
    AttributeTypeAndValue ava = rdns[rdns.length - 1].getFirst();
    return BCStyle.CN.equals(ava.getType()) ? valueString(ava.getValue()) : null;
  }

  private static ASN1ObjectIdentifier attributeOid(String name, String dn) {
    try {
      return BCStyle.INSTANCE.attrNameToOID(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown attribute '" + name + "' in DN '" + dn + "'", e);
    }
  }

  private static String shortName(ASN1ObjectIdentifier oid) {
    String name = OPENSSL_NAMES.get(oid);
    if (name == null) {
      name = BCStyle.INSTANCE.oidToDisplayName(oid);
    }
    return name == null ? oid.getId() : name;
  }

  private static String valueString(ASN1Encodable value) {
    if (value instanceof ASN1String s) {
      return s.getString();
    }
    try {
      return "#" + Hex.toHexString(value.toASN1Primitive().getEncoded());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("DER encoding of a DN value failed", e);
    }
  }
}
