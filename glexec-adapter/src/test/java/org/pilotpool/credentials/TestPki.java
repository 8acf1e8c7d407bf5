package org.pilotpool.credentials;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * One CA, one user, a second CA and a VOMS server, made once per test JVM: RSA key generation is
 * the slow part of these tests.
 */
final class TestPki {
  static final Instant T0 = Instant.parse("2030-01-15T12:00:00Z");
  static final InstantSource CLOCK = InstantSource.fixed(T0);
  static final String CA_DN = "/DC=org/DC=example/CN=Example Test CA";
  static final String USER_DN = "/DC=org/DC=example/OU=People/CN=Alice Example";
  static final String VOMS_DN = "/DC=org/DC=example/CN=voms.example.org";

  static final SecureRandom RANDOM = new SecureRandom();
  static final CertificateAuthority CA = CertificateAuthority.create(CA_DN, Duration.ofDays(3650), CLOCK, RANDOM);
  static final Credential USER = CA.issueUser(USER_DN, Duration.ofDays(365));
  static final CertificateAuthority OTHER_CA =
      CertificateAuthority.create("/DC=org/DC=other/CN=Other CA", Duration.ofDays(3650), CLOCK, RANDOM);
  static final VomsAttributeAuthority VOMS = new VomsAttributeAuthority(
      CA.issueService(VOMS_DN, Duration.ofDays(365)), "cms", "voms.example.org", 15002, CLOCK, RANDOM);
  static final ProxyFactory PROXIES = new ProxyFactory(CLOCK, RANDOM);

  private TestPki() {}

  static Credential proxy(Credential issuer, ProxyRequest request) {
    return PROXIES.delegate(issuer, request);
  }

  static Credential proxyWithFqans(Credential issuer, List<String> fqans) {
    return proxy(issuer, ProxyRequest.rfc3820(Duration.ofHours(12))
        .withAttributeCertificate(VOMS.issue(issuer.chain(), fqans, Duration.ofHours(12))));
  }
}
