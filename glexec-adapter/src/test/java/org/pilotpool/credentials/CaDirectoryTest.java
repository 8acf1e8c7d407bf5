package org.pilotpool.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.model.input.BadInputException;

class CaDirectoryTest {
  @TempDir Path tmp;

  @Test
  void subjectHashMatchesOpenSslForTheTestCaName() {
    assertEquals("de39f775", OpenSslNameHash.hash(X509Names.principal("/DC=org/DC=example/CN=Example Test CA")));
  }

  @Test
  void subjectHashIgnoresCaseAndExtraSpaceAsOpenSslDoes() {
    assertEquals(OpenSslNameHash.hash(X509Names.principal("/DC=org/DC=example/CN=Example Test CA")),
        OpenSslNameHash.hash(X509Names.principal("/DC=ORG/DC=Example/CN=  example   TEST ca ")));
  }

  @Test
  void subjectHashEqualsOpensslX509HashForVariousNames() throws Exception {
    Assumptions.assumeTrue(onPath("openssl"), "openssl is not installed: nothing to compare the hash with");
    for (String dn : List.of("/DC=org/DC=example/CN=Example Test CA", "/C=DE/O=GermanGrid/OU=DESY/CN=Jörg Müller",
        "/O=Grid/OU=Example  Unit/CN=host/ce.example.org", "/CN=Single", "/DC=ch/DC=cern/OU=Users/CN=alice+UID=123")) {
      Path pem = tmp.resolve("c.pem");
      PemFiles.writeCertificates(pem, List.of(selfSigned(dn)), PemFiles.PUBLIC_READ);
      Process p = new ProcessBuilder("openssl", "x509", "-hash", "-noout", "-in", pem.toString()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(out, OpenSslNameHash.hash(X509Names.principal(dn)), dn);
    }
  }

  @Test
  void installWritesHashNamedCertificateAndSigningPolicy() throws Exception {
    Path cert = CaDirectory.install(tmp, TestPki.CA.certificate());
    assertEquals("de39f775.0", cert.getFileName().toString());
    String policy = Files.readString(tmp.resolve("de39f775.signing_policy"));
    assertTrue(policy.contains("access_id_CA   X509   '/DC=org/DC=example/CN=Example Test CA'"), policy);
    assertTrue(policy.contains("pos_rights     globus CA:sign"), policy);
    assertTrue(policy.contains("cond_subjects  globus '\"/DC=org/DC=example/*\"'"), policy);
  }

  @Test
  void loadFindsTrustedCaBySubject() {
    CaDirectory.install(tmp, TestPki.CA.certificate());
    CaDirectory.install(tmp, TestPki.OTHER_CA.certificate());
    CaDirectory dir = CaDirectory.load(tmp);
    assertEquals(List.of(TestPki.CA.certificate()), dir.withSubject(TestPki.CA.certificate().getSubjectX500Principal()));
    assertEquals(2, dir.certificates().size());
  }

  @Test
  void emptyDirectoryIsBadInput() {
    BadInputException e = assertThrows(BadInputException.class, () -> CaDirectory.load(tmp));
    assertTrue(e.problem().contains("<hash>.0"), e.oneLine());
  }

  @Test
  void namespaceIsTheParentOfTheCaName() {
    assertEquals("/DC=org/DC=example/*", CaDirectory.namespace(TestPki.CA.certificate()));
    assertTrue(CaDirectory.inNamespace(TestPki.USER_DN, "/DC=org/DC=example/*"));
  }

  @Test
  void slashFormRoundTripsIncludingSlashInsideValue() {
    String dn = "/DC=org/DC=example/CN=host/ce.example.org";
    assertEquals(dn, X509Names.slashForm(X509Names.parse(dn)));
    assertEquals(3, X509Names.parse(dn).getRDNs().length);
  }

  @Test
  void textThatIsNotASlashDnIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> X509Names.parse("CN=Alice,O=Example"));
    assertThrows(IllegalArgumentException.class, () -> X509Names.parse("/FOO=bar"));
  }

  /** A certificate with the given subject, signed with an existing key: only its name matters. */
  private static X509Certificate selfSigned(String dn) throws Exception {
    X500Name name = X509Names.parse(dn);
    var b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(0), new Date(86_400_000L), name,
        TestPki.USER.certificate().getPublicKey());
    return new JcaX509CertificateConverter().getCertificate(b.build(Keys.signer(TestPki.USER.privateKey())));
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }

}
