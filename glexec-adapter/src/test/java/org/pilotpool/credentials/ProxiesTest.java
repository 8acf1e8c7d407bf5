package org.pilotpool.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.credential.ProxyCredential;

class ProxiesTest {
  private static final List<String> FQANS = List.of("/cms/Role=pilot/Capability=NULL", "/cms/Role=NULL/Capability=NULL");

  @Test
  void rfcProxySubjectIsIssuerSubjectPlusSerialCn() {
    Credential proxy = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(12)));
    X509Certificate cert = proxy.certificate();
    assertEquals(TestPki.USER_DN + "/CN=" + cert.getSerialNumber(), X509Names.slashForm(cert.getSubjectX500Principal()));
    assertEquals(ProxyFactory.globusSerial(cert.getPublicKey().getEncoded()), cert.getSerialNumber().longValue());
    assertEquals(TestPki.USER_DN, X509Names.slashForm(cert.getIssuerX500Principal()));
  }

  @Test
  void rfcProxyCarriesCriticalProxyCertInfoWithPolicyAndPathLength() {
    Credential proxy = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(1)).withPathLength(3));
    assertTrue(proxy.certificate().getCriticalExtensionOIDs().contains(ProxyCertInfo.OID.getId()));
    ProxyCertInfo info = ProxyCertInfo.of(proxy.certificate()).orElseThrow();
    assertEquals(3, info.pathLength().getAsInt());
    assertEquals(ProxyCertInfo.INHERIT_ALL, info.policyLanguage());
    assertEquals(ProxyType.RFC3820_IMPERSONATION, Proxies.type(proxy.certificate()));
  }

  @Test
  void proxyKeyUsageIsTheIssuersWithoutNonRepudiationAndCertSign() {
    Credential proxy = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(1)));
    boolean[] ku = proxy.certificate().getKeyUsage();
    assertNotNull(ku);
    assertTrue(ku[0], "digitalSignature");
    assertFalse(ku[1], "nonRepudiation");
    assertTrue(ku[2], "keyEncipherment");
    assertFalse(ku[5], "keyCertSign");
    assertTrue(proxy.certificate().getCriticalExtensionOIDs().contains("2.5.29.15"));
  }

  @Test
  void limitedProxyUsesTheGlobusLimitedPolicy() {
    Credential proxy = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(1)).asLimited());
    assertEquals(ProxyType.RFC3820_LIMITED, Proxies.type(proxy.certificate()));
    assertEquals(ProxyCertInfo.LIMITED, ProxyCertInfo.of(proxy.certificate()).orElseThrow().policyLanguage());
  }

  @Test
  void proxyOfLimitedProxyIsLimited() {
    Credential limited = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(2)).asLimited());
    Credential below = TestPki.proxy(limited, ProxyRequest.rfc3820(Duration.ofHours(1)));
    assertEquals(ProxyType.RFC3820_LIMITED, Proxies.type(below.certificate()));
  }

  @Test
  void legacyProxiesAreNamedProxyAndLimitedProxy() {
    Credential full = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(1)).asLegacy());
    Credential limited = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(1)).asLegacy().asLimited());
    assertEquals(TestPki.USER_DN + "/CN=proxy", X509Names.slashForm(full.certificate().getSubjectX500Principal()));
    assertEquals(ProxyType.LEGACY, Proxies.type(full.certificate()));
    assertEquals(ProxyType.LEGACY_LIMITED, Proxies.type(limited.certificate()));
    assertEquals(TestPki.USER_DN, Proxies.identity(limited.chain()));
  }

  @Test
  void legacyProxyCannotSignRfcProxy() {
    Credential legacy = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(1)).asLegacy());
    assertThrows(IllegalArgumentException.class,
        () -> TestPki.proxy(legacy, ProxyRequest.rfc3820(Duration.ofHours(1))));
  }

  @Test
  void userCertificateIsNotAProxy() {
    assertEquals(ProxyType.NOT_A_PROXY, Proxies.type(TestPki.USER.certificate()));
  }

  @Test
  void identityOfProxyOfProxyIsTheEndEntityDn() {
    Credential first = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(12)));
    Credential second = TestPki.proxy(first, ProxyRequest.rfc3820(Duration.ofHours(6)));
    Credential third = TestPki.proxy(second, ProxyRequest.rfc3820(Duration.ofHours(3)));
    assertEquals(4, third.chain().size());
    assertEquals(TestPki.USER_DN, Proxies.identity(third.chain()));
    assertEquals(TestPki.USER_DN, Proxies.identity(third.chain().subList(0, 3)), "without the end-entity certificate");
  }

  @Test
  void fqansOfProxyOfProxyComeFromTheVomsAttributeCertificatePrimaryFirst() {
    Credential voms = TestPki.proxyWithFqans(TestPki.USER, FQANS);
    Credential below = TestPki.proxy(voms, ProxyRequest.rfc3820(Duration.ofHours(1)));
    assertEquals(FQANS, Proxies.fqans(below.chain()));
    VomsAttributes attrs = VomsAttributes.of(below.chain()).orElseThrow();
    assertEquals("cms", attrs.vo());
    assertEquals(TestPki.VOMS_DN, attrs.issuer());
  }

  @Test
  void fqanOfAnotherVoIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> TestPki.VOMS.issue(TestPki.USER.chain(), List.of("/atlas/Role=NULL"), Duration.ofHours(1)));
  }

  @Test
  void notAfterIsTheEarliestInTheChain() {
    Credential first = TestPki.proxy(TestPki.USER, ProxyRequest.rfc3820(Duration.ofHours(2)));
    Credential second = TestPki.proxy(first, ProxyRequest.rfc3820(Duration.ofHours(24)));
    assertEquals(TestPki.T0.plus(Duration.ofHours(2)), Proxies.notAfter(second.chain()));
  }

  @Test
  void proxyCredentialCarriesIdentityFqansAndExpiry() {
    Credential proxy = TestPki.proxyWithFqans(TestPki.USER, FQANS);
    ProxyCredential pc = Proxies.toProxyCredential("/tmp/x509up_u1000", proxy.chain());
    assertEquals(TestPki.USER_DN, pc.identity());
    assertEquals("cms", pc.vo());
    assertEquals(FQANS, pc.fqans());
    assertEquals(TestPki.T0.plus(Duration.ofHours(12)), pc.notAfter());
  }

  @Test
  void strengthIsTheRsaModulusSize() {
    assertEquals(2048, Proxies.strength(TestPki.USER.certificate()));
  }

  @Test
  void timeLeftIsFormattedLikeGridProxyInfo() {
    assertEquals("11:59:59", Proxies.formatTimeLeft(43199));
    assertEquals("0:00:00", Proxies.formatTimeLeft(-5));
    assertEquals("36:00:00  (1.5 days)", Proxies.formatTimeLeft(129600));
  }
}
