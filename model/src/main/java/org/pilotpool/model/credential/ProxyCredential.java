package org.pilotpool.model.credential;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the pool knows of an X.509 proxy: where it is, whose it is, and until when. In serve mode
 * {@code location} is the path of a PEM file in the Globus layout; in simulation it is a stable
 * name. {@code identity} is the end-entity DN with proxy CNs stripped (HTCondor's
 * {@code x509userproxysubject}); {@code fqans} are the VOMS FQANs, the first one primary.
 */
public record ProxyCredential(String location, String identity, List<String> fqans, Instant notAfter) {
  public ProxyCredential {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(notAfter, "notAfter");
    fqans = List.copyOf(fqans);
  }

  /** The VO of the primary FQAN ({@code /cms/Role=NULL} gives {@code cms}), or empty. */
  public String vo() {
    return voOf(fqans);
  }

  /** The VO of the first of {@code fqans} ({@code /cms/Role=NULL} gives {@code cms}), or empty. */
  public static String voOf(List<String> fqans) {
    if (fqans.isEmpty()) {
      return "";
    }
    String first = fqans.get(0);
    int start = first.startsWith("/") ? 1 : 0;
    int end = first.indexOf('/', start);
    return end < 0 ? first.substring(start) : first.substring(start, end);
  }

  public boolean expiredAt(Instant t) {
    return !t.isBefore(notAfter);
  }
}
