package org.pilotpool.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.credentials.ProxyValidation.Rejected;
import org.pilotpool.credentials.ProxyValidation.Valid;

class ProxyValidatorTest {
  @TempDir static Path tmp;
  static CaDirectory trusted;
  static Credential proxy;
  static Credential proxyOfProxy;

  @BeforeAll
  static void trustTheTestCa() {
    CaDirectory.install(tmp.resolve("ca"), TestPki.CA.certificate());
    trusted = CaDirectory.load(tmp.resolve("ca"));
    proxy = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(12)));
    proxyOfProxy = TestPki.proxy(proxy, ProxyRequest.rfc3820(Duration.ofHours(6)));
  }

  private static ProxyValidation validateAt(InstantSource clock, Credential c) {
    return new ProxyValidator(trusted, clock).validate(c);
  }

  private static RejectionReason reason(ProxyValidation v) {
    return assertInstanceOf(Rejected.class, v).reason();
  }

  @Test
  void proxyOfProxyChainingToTrustedCaIsValidWithEndEntityIdentity() {
    Valid valid = assertInstanceOf(Valid.class, validateAt(TestPki.CLOCK, proxyOfProxy));
    assertEquals(TestPki.USER_DN, valid.identity());
    assertEquals(ProxyType.RFC3820_IMPERSONATION, valid.type());
  }

  @Test
  void proxyPastItsNotAfterIsExpired() {
    Rejected r = assertInstanceOf(Rejected.class,
        validateAt(InstantSource.fixed(TestPki.T0.plus(Duration.ofHours(7))), proxyOfProxy));
    assertEquals(RejectionReason.EXPIRED, r.reason());
    assertTrue(r.message().contains("expired at"), r.message());
  }

  @Test
  void proxyBeforeItsNotBeforeIsNotYetValid() {
    assertEquals(RejectionReason.NOT_YET_VALID,
        reason(validateAt(InstantSource.fixed(TestPki.T0.minus(Duration.ofHours(1))), proxy)));
  }

  @Test
  void proxyFromAnUntrustedCaIsUnknownCa() {
    CaDirectory.install(tmp.resolve("other"), TestPki.OTHER_CA.certificate());
    ProxyValidation v = new ProxyValidator(CaDirectory.load(tmp.resolve("other")), TestPki.CLOCK).validate(proxy);
    assertEquals(RejectionReason.UNKNOWN_CA, reason(v));
  }

  @Test
  void chainWithMissingMiddleProxyIsBroken() {
    List<java.security.cert.X509Certificate> gap = List.of(proxyOfProxy.chain().get(0), proxyOfProxy.chain().get(2));
    assertEquals(RejectionReason.BROKEN_CHAIN,
        reason(validateAt(TestPki.CLOCK, new Credential(gap, proxyOfProxy.privateKey()))));
  }

  @Test
  void proxyFollowedByAnotherCertificateOfTheSameNameHasBadSignature() {
    Credential impostor = TestPki.CA.issueUser(TestPki.USER_DN, Duration.ofDays(1));
    List<java.security.cert.X509Certificate> swapped = List.of(proxy.certificate(), impostor.certificate());
    assertEquals(RejectionReason.BAD_SIGNATURE,
        reason(validateAt(TestPki.CLOCK, new Credential(swapped, proxy.privateKey()))));
  }

  @Test
  void userCertificateIsNotAProxy() {
    assertEquals(RejectionReason.NOT_A_PROXY, reason(validateAt(TestPki.CLOCK, TestPki.USER)));
  }

  @Test
  void proxyBelowAPathLengthZeroProxyExceedsThePathLength() {
    Credential noMore = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(2)).withPathLength(0));
    Credential below = TestPki.proxy(noMore, ProxyRequest.rfc3820(Duration.ofHours(1)));
    assertEquals(RejectionReason.PATH_LENGTH_EXCEEDED, reason(validateAt(TestPki.CLOCK, below)));
    assertTrue(validateAt(TestPki.CLOCK, noMore).isValid(), "the limited proxy itself is fine");
  }

  @Test
  void pathLengthOneAllowsOneProxyBelow() {
    Credential one = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(2)).withPathLength(1));
    assertTrue(validateAt(TestPki.CLOCK, TestPki.proxy(one, ProxyRequest.rfc3820(Duration.ofHours(1)))).isValid());
  }

  @Test
  void keyOfAnotherProxyIsKeyMismatch() {
    assertEquals(RejectionReason.KEY_MISMATCH,
        reason(validateAt(TestPki.CLOCK, new Credential(proxy.chain(), proxyOfProxy.privateKey()))));
  }

  @Test
  void garbageFileIsMalformed() throws Exception {
    Path f = Files.writeString(tmp.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
    assertEquals(RejectionReason.MALFORMED, reason(new ProxyValidator(trusted, TestPki.CLOCK).validate(f)));
  }

  @Test
  void proxyFileWithoutKeyIsMalformed() {
    Path f = tmp.resolve("nokey.pem");
    PemFiles.writeCertificates(f, proxy.chain(), PemFiles.OWNER_READ_WRITE);
    Rejected r = assertInstanceOf(Rejected.class, new ProxyValidator(trusted, TestPki.CLOCK).validate(f));
    assertEquals(RejectionReason.MALFORMED, r.reason());
    assertTrue(r.message().contains("no private key"), r.message());
  }

  @Test
  void validProxyFileIsValid() {
    Path f = tmp.resolve("x509up_u1000");
    PemFiles.writeCredential(f, proxyOfProxy);
    assertTrue(new ProxyValidator(trusted, TestPki.CLOCK).validate(f).isValid());
  }

  @Test
  void legacyAndLimitedProxiesValidate() {
    Credential legacy = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(2)).asLegacy().asLimited());
    Valid v = assertInstanceOf(Valid.class, validateAt(TestPki.CLOCK, legacy));
    assertEquals(ProxyType.LEGACY_LIMITED, v.type());
  }
}
