package org.pilotpool.credentials;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain with the private key of its first certificate: a user credential
 * (certificate, key) or a proxy (proxy certificate, key, then the certificates that signed it,
 * leaf first, as in a Globus proxy file).
 */
public record Credential(List<X509Certificate> chain, PrivateKey privateKey) {
  public Credential {
    chain = List.copyOf(chain);
    Objects.requireNonNull(privateKey, "privateKey");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a credential needs at least one certificate");
    }
  }

  /** The certificate the key belongs to. */
  public X509Certificate certificate() {
    return chain.get(0);
  }
}
