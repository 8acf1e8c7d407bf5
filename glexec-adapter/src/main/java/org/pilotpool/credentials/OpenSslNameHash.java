package org.pilotpool.credentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.ASN1VisibleString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * OpenSSL's subject name hash ({@code X509_NAME_hash}, OpenSSL 1.0 and later), which names the
 * files of an {@code X509_CERT_DIR}: SHA-1 of the canonical encoding of the name, first four bytes
 * read little-endian, printed as eight hex digits.
 *
 * <p>The canonical encoding is OpenSSL's: every text value becomes a UTF8String with leading and
 * trailing white space removed, inner runs of white space collapsed to one space and ASCII letters
 * lower-cased; the RDN SETs are DER-encoded and concatenated without the outer SEQUENCE header.
 * Values of other types are kept as they are.
 */
public final class OpenSslNameHash {
  private OpenSslNameHash() {}

  /** The eight lower-case hex digits OpenSSL uses as the file name stem, e.g. {@code 1f8a2c3b}. */
  public static String hash(X500Principal name) {
    byte[] md;
    try {
      md = MessageDigest.getInstance("SHA-1").digest(canonicalEncoding(name));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
    long h = (md[0] & 0xffL) | (md[1] & 0xffL) << 8 | (md[2] & 0xffL) << 16 | (md[3] & 0xffL) << 24;
    return String.format("%08x", h);
  }

  static byte[] canonicalEncoding(X500Principal principal) {
    X500Name name = X500Name.getInstance(principal.getEncoded());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (RDN rdn : name.getRDNs()) {
        ASN1EncodableVector avas = new ASN1EncodableVector();
        for (AttributeTypeAndValue ava : rdn.getTypesAndValues()) {
          avas.add(new DERSequence(new ASN1Encodable[] {ava.getType(), canonicalValue(ava.getValue())}));
        }
        out.write(new DERSet(avas).getEncoded());
      }
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of a name failed", e);
    }
    return out.toByteArray();
  }

  private static ASN1Encodable canonicalValue(ASN1Encodable value) {
    boolean text = value instanceof ASN1UTF8String || value instanceof ASN1BMPString
        || value instanceof ASN1UniversalString || value instanceof ASN1PrintableString
        || value instanceof ASN1T61String || value instanceof ASN1IA5String
        || value instanceof ASN1VisibleString;
    if (!text) {
      return value;
    }
    return new DERUTF8String(canonicalText(((ASN1String) value).getString()));
  }

  private static String canonicalText(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    int from = 0;
    int to = utf8.length;
    while (from < to && isSpace(utf8[from])) {
      from++;
    }
    while (to > from && isSpace(utf8[to - 1])) {
      to--;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = from;
    while (i < to) {
      byte b = utf8[i];
      if (b < 0) {
        out.write(b);
        i++;
      } else if (isSpace(b)) {
        out.write(' ');
        while (i < to && isSpace(utf8[i])) {
          i++;
        }
      } else {
        out.write(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
        i++;
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
  }
}
