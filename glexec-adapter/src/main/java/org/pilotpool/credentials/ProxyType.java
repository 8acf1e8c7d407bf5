package org.pilotpool.credentials;

/**
 * What kind of credential a certificate is, with the wording of {@code grid-proxy-info -type}.
 * RFC 3820 proxies carry the ProxyCertInfo extension; legacy (pre-RFC Globus) proxies are
 * recognised by their last CN, {@code proxy} or {@code limited proxy}.
 */
public enum ProxyType {
  RFC3820_IMPERSONATION("RFC 3820 compliant impersonation proxy", true, false),
  RFC3820_LIMITED("RFC 3820 compliant limited proxy", true, true),
  RFC3820_INDEPENDENT("RFC 3820 compliant independent proxy", true, false),
  /** An RFC 3820 proxy with a policy language we do not know. */
  RFC3820_RESTRICTED("RFC 3820 compliant restricted proxy", true, false),
  LEGACY("full legacy globus proxy", false, false),
  LEGACY_LIMITED("limited legacy globus proxy", false, true),
  NOT_A_PROXY("end entity credential", false, false);

  private final String description;
  private final boolean rfc3820;
  private final boolean limited;

  ProxyType(String description, boolean rfc3820, boolean limited) {
    this.description = description;
    this.rfc3820 = rfc3820;
    this.limited = limited;
  }

  /** The text {@code grid-proxy-info -type} prints for this type. */
  public String description() {
    return description;
  }

  public boolean isProxy() {
    return this != NOT_A_PROXY;
  }

  public boolean isRfc3820() {
    return rfc3820;
  }

  public boolean isLegacy() {
    return this == LEGACY || this == LEGACY_LIMITED;
  }

  public boolean isLimited() {
    return limited;
  }
}
