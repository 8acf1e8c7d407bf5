package org.pilotpool.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.bouncycastle.cert.X509AttributeCertificateHolder;

/**
 * What proxy to make: lifetime, RFC 3820 or legacy format, limited or not, an optional path-length
 * limit (RFC 3820 only) and VOMS attribute certificates to embed.
 */
public record ProxyRequest(
    Duration lifetime,
    boolean legacy,
    boolean limited,
    OptionalInt pathLength,
    List<X509AttributeCertificateHolder> attributeCertificates) {

  /** grid-proxy-init's and voms-proxy-init's default lifetime. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

  public ProxyRequest {
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("proxy lifetime must be positive, got " + lifetime);
    }
    if (legacy && pathLength.isPresent()) {
      throw new IllegalArgumentException("legacy proxies cannot carry a path length limit");
    }
    attributeCertificates = List.copyOf(attributeCertificates);
  }

  /** An RFC 3820 impersonation proxy with no path limit and no attributes. */
  public static ProxyRequest rfc3820(Duration lifetime) {
    return new ProxyRequest(lifetime, false, false, OptionalInt.empty(), List.of());
  }

  public ProxyRequest asLegacy() {
    return new ProxyRequest(lifetime, true, limited, OptionalInt.empty(), attributeCertificates);
  }

  public ProxyRequest asLimited() {
    return new ProxyRequest(lifetime, legacy, true, pathLength, attributeCertificates);
  }

  public ProxyRequest withPathLength(int proxiesBelow) {
    return new ProxyRequest(lifetime, legacy, limited, OptionalInt.of(proxiesBelow), attributeCertificates);
  }

  public ProxyRequest withAttributeCertificate(X509AttributeCertificateHolder ac) {
    List<X509AttributeCertificateHolder> acs = new java.util.ArrayList<>(attributeCertificates);
    acs.add(ac);
    return new ProxyRequest(lifetime, legacy, limited, pathLength, acs);
  }
}
