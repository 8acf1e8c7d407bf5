package org.pilotpool.cli.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.cli.Main;
import picocli.CommandLine;

/** The proxy subcommands end to end in a temporary directory, through the root command. */
class ProxyCommandTest {
  private static final String ALICE = "/DC=org/DC=pilotpool/CN=Alice";

  @TempDir static Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String p(String name) {
    return tmp.resolve(name).toString();
  }

  @BeforeAll
  static void makeCaAndUser() {
    assertEquals(0, run("proxy", "ca", "--out", p("ca")).code);
    assertEquals(0, run("proxy", "user", "--ca", p("ca"), "--dn", ALICE, "--out", p("alice")).code);
  }

  @Test
  void caCommandWritesHashNamedCertificateSigningPolicyAndPrivateKey() throws Exception {
    try (var files = Files.list(tmp.resolve("ca"))) {
      var names = files.map(f -> f.getFileName().toString()).toList();
      assertTrue(names.stream().anyMatch(n -> n.matches("[0-9a-f]{8}\\.0")), names.toString());
      assertTrue(names.stream().anyMatch(n -> n.matches("[0-9a-f]{8}\\.signing_policy")), names.toString());
    }
    assertEquals("rw-------", mode(tmp.resolve("ca/ca-key.pem")));
  }

  @Test
  void userCommandWritesCertificateAndReadOnlyKey() throws Exception {
    assertEquals("rw-r--r--", mode(tmp.resolve("alice/usercert.pem")));
    assertEquals("r--------", mode(tmp.resolve("alice/userkey.pem")));
  }

  @Test
  void initInfoVerifyRoundTripWithFqans() throws Exception {
    Run init = run("proxy", "init", "--cert", p("alice/usercert.pem"), "--key", p("alice/userkey.pem"),
        "--out", p("x509up_u1000"), "--hours", "2", "--fqan", "/cms/Role=pilot", "--fqan", "/cms", "--vo-ca", p("ca"));
    assertEquals(0, init.code, init.err);
    assertTrue(init.out.contains("Your identity: " + ALICE), init.out);
    assertEquals("rw-------", mode(tmp.resolve("x509up_u1000")));

    Run info = run("proxy", "info", p("x509up_u1000"));
    assertEquals(0, info.code, info.err);
    assertTrue(info.out.contains("identity : " + ALICE + "\n"), info.out);
    assertTrue(info.out.contains("type     : RFC 3820 compliant impersonation proxy"), info.out);
    assertTrue(info.out.contains("strength : 2048 bits"), info.out);
    assertTrue(info.out.matches("(?s).*timeleft : (1:59:\\d\\d|2:00:00)\n.*"), info.out);
    assertTrue(info.out.indexOf("attribute : /cms/Role=pilot/Capability=NULL")
        < info.out.indexOf("attribute : /cms/Role=NULL/Capability=NULL"), info.out);

    Run verify = run("proxy", "verify", "--ca-dir", p("ca"), p("x509up_u1000"));
    assertEquals(0, verify.code, verify.err);
  }

  @Test
  void proxyOfProxyKeepsTheIdentity() {
    assertEquals(0, run("proxy", "init", "--cert", p("alice/usercert.pem"), "--key", p("alice/userkey.pem"),
        "--out", p("first")).code);
    Run second = run("proxy", "init", "--cert", p("first"), "--key", p("first"), "--out", p("second"), "--limited");
    assertEquals(0, second.code, second.err);
    Run info = run("proxy", "info", p("second"));
    assertTrue(info.out.contains("identity : " + ALICE + "\n"), info.out);
    assertTrue(info.out.contains("type     : RFC 3820 compliant limited proxy"), info.out);
    assertEquals(0, run("proxy", "verify", "--ca-dir", p("ca"), p("second")).code);
  }

  @Test
  void verifyAgainstAnotherCaPrintsUnknownCaAndExitsOne() {
    assertEquals(0, run("proxy", "ca", "--out", p("otherca"), "--dn", "/DC=org/DC=other/CN=Other CA").code);
    assertEquals(0, run("proxy", "init", "--cert", p("alice/usercert.pem"), "--key", p("alice/userkey.pem"),
        "--out", p("proxy-for-other")).code);
    Run verify = run("proxy", "verify", "--ca-dir", p("otherca"), p("proxy-for-other"));
    assertEquals(1, verify.code);
    assertTrue(verify.err.contains("unknown CA"), verify.err);
  }

  @Test
  void verifyOfAUserCertificateSaysNotAProxy() {
    Run verify = run("proxy", "verify", "--ca-dir", p("ca"), p("alice/usercert.pem"));
    assertEquals(1, verify.code);
    assertTrue(verify.err.contains("not a proxy"), verify.err);
  }

  @Test
  void encryptedKeyIsUsedWithPassphraseFileAndRefusedWithoutOne() throws Exception {
    Path pass = Files.writeString(tmp.resolve("pass.txt"), "correct horse\n");
    assertEquals(0, run("proxy", "user", "--ca", p("ca"), "--dn", "/DC=org/DC=pilotpool/CN=Bob", "--out", p("bob"),
        "--passphrase-file", pass.toString()).code);
    assertTrue(Files.readString(tmp.resolve("bob/userkey.pem")).contains("ENCRYPTED"));
    assertEquals(0, run("proxy", "init", "--cert", p("bob/usercert.pem"), "--key", p("bob/userkey.pem"),
        "--out", p("bob-proxy"), "--passphrase-file", pass.toString()).code);
    // Tests have no terminal, so the prompt is not available.
    Run noPass = run("proxy", "init", "--cert", p("bob/usercert.pem"), "--key", p("bob/userkey.pem"), "--out", p("bob-proxy2"));
    assertEquals(Main.EXIT_BAD_INPUT, noPass.code);
    assertTrue(noPass.err.contains("--passphrase-file"), noPass.err);
  }

  @Test
  void infoOfANonPemFileIsBadInputNamingTheFile() throws Exception {
    Path junk = Files.writeString(tmp.resolve("junk.txt"), "not a certificate\n");
    Run info = run("proxy", "info", junk.toString());
    assertEquals(Main.EXIT_BAD_INPUT, info.code);
    assertTrue(info.err.contains(junk.toString()) && info.err.contains("BEGIN CERTIFICATE"), info.err);
  }

  @Test
  void userOutsideTheCaNamespaceIsRefused() {
    Run r = run("proxy", "user", "--ca", p("ca"), "--dn", "/O=Elsewhere/CN=Eve", "--out", p("eve"));
    assertEquals(Main.EXIT_BAD_INPUT, r.code);
    assertTrue(r.err.contains("signing policy"), r.err);
  }

  @Test
  void fqanWithoutVoCaIsBadInput() {
    Run r = run("proxy", "init", "--cert", p("alice/usercert.pem"), "--key", p("alice/userkey.pem"),
        "--out", p("nope"), "--fqan", "/cms");
    assertEquals(Main.EXIT_BAD_INPUT, r.code);
    assertTrue(r.err.contains("--vo-ca"), r.err);
  }

  @Test
  void aVoCaThatIsNoCaDirectoryIsBadInputNamingVoCa() {
    Run r = run("proxy", "init", "--cert", p("alice/usercert.pem"), "--key", p("alice/userkey.pem"),
        "--out", p("nope"), "--fqan", "/cms", "--vo-ca", p("alice"));
    assertEquals(Main.EXIT_BAD_INPUT, r.code);
    assertTrue(r.err.startsWith("pilotpool: " + p("alice") + ": --vo-ca: no ca-key.pem"), r.err);
  }

  private static String mode(Path f) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
  }
}
