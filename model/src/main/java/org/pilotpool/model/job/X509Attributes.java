package org.pilotpool.model.job;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.credential.ProxyCredential;

/**
 * The proxy attributes the schedd puts in a job ad at submit: {@code x509userproxysubject},
 * {@code x509UserProxyVOName}, {@code x509UserProxyFirstFQAN}, {@code x509UserProxyFQAN} and
 * {@code x509UserProxyExpiration}. The schedd owns the first four and never changes them after
 * submit; a proxy refresh updates only the expiration, as in HTCondor.
 *
 * @param fqan the quoted DN followed by the quoted FQANs, joined by {@code X509_FQAN_DELIMITER}
 *     (","); empty without VOMS attributes
 */
public record X509Attributes(
    String subject,
    Optional<String> voName,
    Optional<String> firstFqan,
    Optional<String> fqan,
    Instant expiration) {
  public X509Attributes {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(voName, "voName");
    Objects.requireNonNull(firstFqan, "firstFqan");
    Objects.requireNonNull(fqan, "fqan");
    Objects.requireNonNull(expiration, "expiration");
  }

  /** The attributes HTCondor derives from this proxy. */
  public static X509Attributes of(ProxyCredential proxy) {
    List<String> fqans = proxy.fqans();
    if (fqans.isEmpty()) {
      return new X509Attributes(proxy.identity(), Optional.empty(), Optional.empty(),
          Optional.empty(), proxy.notAfter());
    }
    StringBuilder joined = new StringBuilder(quote(proxy.identity()));
    for (String f : fqans) {
      joined.append(',').append(quote(f));
    }
    return new X509Attributes(proxy.identity(), Optional.of(proxy.vo()), Optional.of(fqans.get(0)),
        Optional.of(joined.toString()), proxy.notAfter());
  }

  /** The same attributes with a new expiration: what a refresh changes. */
  public X509Attributes withExpiration(Instant newExpiration) {
    return new X509Attributes(subject, voName, firstFqan, fqan, newExpiration);
  }

  // HTCondor's quote_x509_string with its defaults: X509_FQAN_ESCAPE "&" -> "&amp;" first, then
  // X509_FQAN_DELIMITER "," -> "&comma;", so the joined list splits unambiguously.
  private static String quote(String s) {
    return s.replace("&", "&amp;").replace(",", "&comma;");
  }
}
