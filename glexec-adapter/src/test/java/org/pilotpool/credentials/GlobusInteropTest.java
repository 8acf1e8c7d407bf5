package org.pilotpool.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.credentials.ProxyValidation.Valid;

/**
 * Both directions against the Globus tools (Debian package globus-proxy-utils) and, for the VOMS
 * AC, voms-proxy-info (package voms-clients). Skipped when the tools are not installed. These use
 * the wall clock, because the Globus tools do.
 */
class GlobusInteropTest {
  private static final String USER_DN = "/DC=org/DC=example/OU=People/CN=Grid Interop User";
  private static final InstantSource NOW = InstantSource.system();

  @TempDir static Path tmp;
  static Path caDir;
  static Path cert;
  static Path key;
  static Credential user;
  static VomsAttributeAuthority voms;

  @BeforeAll
  static void makeCaAndUser() {
    SecureRandom random = new SecureRandom();
    CertificateAuthority ca = CertificateAuthority.create("/DC=org/DC=example/CN=Interop CA", Duration.ofDays(30), NOW, random);
    caDir = tmp.resolve("certificates");
    CaDirectory.install(caDir, ca.certificate());
    user = ca.issueUser(USER_DN, Duration.ofDays(7));
    cert = tmp.resolve("usercert.pem");
    key = tmp.resolve("userkey.pem");
    PemFiles.writeCertificates(cert, user.chain(), PemFiles.PUBLIC_READ);
    PemFiles.writePrivateKey(key, user.privateKey(), null, PemFiles.OWNER_READ_ONLY);
    Credential server = ca.issueService("/DC=org/DC=example/CN=voms.example.org", Duration.ofDays(7));
    voms = new VomsAttributeAuthority(new Credential(List.of(server.certificate(), ca.certificate()), server.privateKey()),
        "cms", "voms.example.org", 15002, NOW, random);
    PemFiles.writeAtomically(tmp.resolve("vomsdir/cms/voms.example.org.lsc"),
        "/DC=org/DC=example/CN=voms.example.org\n/DC=org/DC=example/CN=Interop CA\n", PemFiles.PUBLIC_READ);
  }

  @BeforeEach
  void needGlobus() {
    Assumptions.assumeTrue(CaDirectoryTest.onPath("grid-proxy-init") && CaDirectoryTest.onPath("grid-proxy-info"),
        "Globus tools not installed (Debian package globus-proxy-utils)");
  }

  @Test
  void rfcProxyFromGridProxyInitIsReadAndValid() throws Exception {
    assertGlobusProxy(List.of(), ProxyType.RFC3820_IMPERSONATION);
  }

  @Test
  void legacyProxyFromGridProxyInitIsReadAndValid() throws Exception {
    assertGlobusProxy(List.of("-old"), ProxyType.LEGACY);
  }

  @Test
  void limitedProxyFromGridProxyInitIsReadAndValid() throws Exception {
    assertGlobusProxy(List.of("-limited"), ProxyType.RFC3820_LIMITED);
  }

  @Test
  void ourProxySatisfiesGridProxyInfo() throws Exception {
    Path proxy = tmp.resolve("ours");
    PemFiles.writeCredential(proxy, new ProxyFactory(NOW, new SecureRandom()).delegate(user,
        ProxyRequest.rfc3820(Duration.ofHours(12))
            .withAttributeCertificate(voms.issue(user.chain(), List.of("/cms/Role=pilot/Capability=NULL"), Duration.ofHours(12)))));
    Result all = run("grid-proxy-info", "-f", proxy.toString(), "-all");
    assertEquals(0, all.code, all.output);
    assertEquals(USER_DN, run("grid-proxy-info", "-f", proxy.toString(), "-identity").output.trim());
    assertEquals("RFC 3820 compliant impersonation proxy", run("grid-proxy-info", "-f", proxy.toString(), "-type").output.trim());
    assertEquals(0, run("grid-proxy-info", "-f", proxy.toString(), "-exists", "-valid", "11:00").code);
  }

  @Test
  void ourLegacyLimitedProxyIsTypedByGridProxyInfo() throws Exception {
    Path proxy = tmp.resolve("ours-legacy");
    PemFiles.writeCredential(proxy, new ProxyFactory(NOW, new SecureRandom())
        .delegate(user, ProxyRequest.rfc3820(Duration.ofHours(1)).asLegacy().asLimited()));
    assertEquals("limited legacy globus proxy", run("grid-proxy-info", "-f", proxy.toString(), "-type").output.trim());
  }

  @Test
  void vomsProxyInfoReadsAndVerifiesOurAttributeCertificate() throws Exception {
    Assumptions.assumeTrue(CaDirectoryTest.onPath("voms-proxy-info"), "voms-proxy-info not installed (Debian package voms-clients)");
    Path proxy = tmp.resolve("ours-voms");
    List<String> fqans = List.of("/cms/Role=pilot/Capability=NULL", "/cms/Role=NULL/Capability=NULL");
    PemFiles.writeCredential(proxy, new ProxyFactory(NOW, new SecureRandom()).delegate(user,
        ProxyRequest.rfc3820(Duration.ofHours(12)).withAttributeCertificate(voms.issue(user.chain(), fqans, Duration.ofHours(12)))));
    Result r = run("voms-proxy-info", "-file", proxy.toString(), "-fqan");
    assertEquals(0, r.code, r.output);
    assertEquals(fqans, r.output.lines().map(String::trim).filter(l -> l.startsWith("/")).toList());
  }

  private void assertGlobusProxy(List<String> flags, ProxyType expected) throws Exception {
    Path out = tmp.resolve("globus" + String.join("", flags));
    List<String> cmd = new ArrayList<>(List.of("grid-proxy-init", "-q", "-cert", cert.toString(), "-key", key.toString(),
        "-out", out.toString()));
    cmd.addAll(flags);
    Result r = run(cmd.toArray(String[]::new));
    assertEquals(0, r.code, r.output);
    Credential proxy = PemFiles.readProxy(out);
    assertEquals(expected, Proxies.type(proxy.certificate()));
    assertEquals(USER_DN, Proxies.identity(proxy.chain()));
    Valid valid = assertInstanceOf(Valid.class, new ProxyValidator(CaDirectory.load(caDir), NOW).validate(out));
    assertEquals(USER_DN, valid.identity());
    assertTrue(Proxies.notAfter(proxy.chain()).isAfter(NOW.instant().plus(Duration.ofHours(11))));
  }

  private record Result(int code, String output) {}

  private static Result run(String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("X509_CERT_DIR", caDir.toString());
    env.put("X509_VOMS_DIR", tmp.resolve("vomsdir").toString());
    env.put("X509_USER_CERT", cert.toString());
    env.put("X509_USER_KEY", key.toString());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", cmd));
    return new Result(p.exitValue(), out);
  }
}
