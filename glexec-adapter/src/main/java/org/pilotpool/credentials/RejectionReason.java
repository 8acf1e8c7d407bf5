package org.pilotpool.credentials;

/** Why a proxy was rejected; each bad case has its own reason. */
public enum RejectionReason {
  /** The file could not be read, or holds no certificate or key, or a malformed extension. */
  MALFORMED("malformed"),
  /** The private key in the file does not belong to the proxy certificate. */
  KEY_MISMATCH("key does not match certificate"),
  /** The first certificate is an end-entity certificate, not a proxy. */
  NOT_A_PROXY("not a proxy"),
  /** A certificate's issuer is not the next certificate's subject, or a proxy's subject is not
   * its issuer's subject plus one CN, or an end-entity certificate is missing. */
  BROKEN_CHAIN("broken chain"),
  /** A signature does not verify with the issuer's key. */
  BAD_SIGNATURE("bad signature"),
  /** The chain ends at a CA that is not in the trusted directory. */
  UNKNOWN_CA("unknown CA"),
  /** A certificate of the chain is past its not-after time. */
  EXPIRED("expired"),
  /** A certificate of the chain is before its not-before time. */
  NOT_YET_VALID("not yet valid"),
  /** More proxies were signed below a proxy than its ProxyCertInfo path length allows. */
  PATH_LENGTH_EXCEEDED("proxy path length exceeded");

  private final String label;

  RejectionReason(String label) {
    this.label = label;
  }

  /** Short human wording, e.g. {@code expired}. */
  public String label() {
    return label;
  }
}
