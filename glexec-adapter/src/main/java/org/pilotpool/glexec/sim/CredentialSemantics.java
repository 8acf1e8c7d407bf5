package org.pilotpool.glexec.sim;

/** Which credentials the site's authorization service wants with each glexec request. */
public enum CredentialSemantics {
  /** OSG (GUMS through LCMAPS): the payload proxy decides alone. */
  OSG,
  /**
   * EGI (Argus through the LCMAPS PEP client): the payload proxy is the subject and the caller's
   * {@code X509_USER_PROXY}, the pilot proxy, travels as a second credential.
   */
  EGI
}
