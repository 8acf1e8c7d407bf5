package org.pilotpool.credentials;

import java.security.cert.X509Certificate;
import java.util.List;

/** The outcome of validating a proxy: valid, or rejected with one reason and a message. */
public sealed interface ProxyValidation {

  /**
   * The proxy chains up to a trusted CA and is usable now.
   *
   * @param chain the proxy's chain, leaf first (without the trusted CA)
   * @param type the leaf's proxy type
   * @param identity the end-entity DN, slash form
   */
  record Valid(List<X509Certificate> chain, ProxyType type, String identity) implements ProxyValidation {
    public Valid {
      chain = List.copyOf(chain);
    }
  }

  /**
   * The proxy must not be used.
   *
   * @param reason the category, for programs
   * @param message one line for people: which certificate and what is wrong
   */
  record Rejected(RejectionReason reason, String message) implements ProxyValidation {}

  default boolean isValid() {
    return this instanceof Valid;
  }
}
