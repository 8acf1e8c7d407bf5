package org.pilotpool.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.model.input.BadInputException;

class PemFilesTest {
  @TempDir Path tmp;
  static Credential proxy;

  @BeforeAll
  static void makeProxy() {
    proxy = TestPki.proxyWithFqans(TestPki.USER, java.util.List.of("/cms/Role=NULL/Capability=NULL"));
  }

  @Test
  void proxyFileRoundTripsChainAndKey() {
    Path f = tmp.resolve("x509up_u1000");
    PemFiles.writeCredential(f, proxy);
    Credential back = PemFiles.readProxy(f);
    assertEquals(proxy.chain(), back.chain());
    assertTrue(Keys.matches(back.privateKey(), back.certificate().getPublicKey()));
    assertEquals(Proxies.fqans(proxy.chain()), Proxies.fqans(back.chain()));
  }

  @Test
  void proxyFileIsGlobusLayoutCertificateKeyChain() throws Exception {
    Path f = tmp.resolve("x509up");
    PemFiles.writeCredential(f, proxy);
    String text = Files.readString(f);
    int key = text.indexOf("-----BEGIN RSA PRIVATE KEY-----");
    int chain = text.indexOf("-----BEGIN CERTIFICATE-----", key);
    assertTrue(text.startsWith("-----BEGIN CERTIFICATE-----") && key > 0 && chain > key, text);
  }

  @Test
  void proxyFileHasMode0600AndNoTemporaryFileIsLeft() throws Exception {
    Path f = tmp.resolve("x509up");
    PemFiles.writeCredential(f, proxy);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void overwritingAWorldReadableFileLeavesMode0600() throws Exception {
    Path f = Files.createFile(tmp.resolve("x509up"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
    PemFiles.writeCredential(f, proxy);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void unencryptedPkcs8KeyIsRead() throws Exception {
    Path f = tmp.resolve("key.pem");
    write(f, new JcaPKCS8Generator(proxy.privateKey(), null));
    assertTrue(Files.readString(f).contains("BEGIN PRIVATE KEY"));
    assertEquals(proxy.privateKey(), PemFiles.readPrivateKey(f, PassphraseSource.NONE));
  }

  @Test
  void encryptedPkcs8KeyIsReadWithItsPassphrase() throws Exception {
    Path f = tmp.resolve("userkey.pem");
    PemFiles.writePrivateKey(f, TestPki.USER.privateKey(), "s3cret".toCharArray(), PemFiles.OWNER_READ_ONLY);
    assertTrue(Files.readString(f).contains("BEGIN ENCRYPTED PRIVATE KEY"));
    assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    PrivateKey key = PemFiles.readPrivateKey(f, k -> "s3cret".toCharArray());
    assertEquals(TestPki.USER.privateKey(), key);
  }

  @Test
  void encryptedPkcs1KeyIsReadWithItsPassphrase() throws Exception {
    Path f = tmp.resolve("userkey.pem");
    StringWriter text = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(text)) {
      w.writeObject(TestPki.USER.privateKey(), new JcePEMEncryptorBuilder("AES-128-CBC")
          .setProvider(new BouncyCastleProvider()).build("s3cret".toCharArray()));
    }
    Files.writeString(f, text.toString());
    assertTrue(text.toString().contains("Proc-Type: 4,ENCRYPTED"));
    assertEquals(TestPki.USER.privateKey(), PemFiles.readPrivateKey(f, k -> "s3cret".toCharArray()));
  }

  @Test
  void wrongPassphraseIsBadInputNamingTheFile() {
    Path f = tmp.resolve("userkey.pem");
    PemFiles.writePrivateKey(f, TestPki.USER.privateKey(), "s3cret".toCharArray(), PemFiles.OWNER_READ_WRITE);
    BadInputException e = assertThrows(BadInputException.class, () -> PemFiles.readPrivateKey(f, k -> "wrong".toCharArray()));
    assertTrue(e.oneLine().startsWith(f.toString()) && e.problem().contains("passphrase"), e.oneLine());
  }

  @Test
  void encryptedKeyWithoutPassphraseSourceIsRefused() {
    Path f = tmp.resolve("userkey.pem");
    PemFiles.writePrivateKey(f, TestPki.USER.privateKey(), "s3cret".toCharArray(), PemFiles.OWNER_READ_WRITE);
    BadInputException e = assertThrows(BadInputException.class, () -> PemFiles.readPrivateKey(f, PassphraseSource.NONE));
    assertTrue(e.problem().contains("encrypted"), e.oneLine());
  }

  @Test
  void keyOfAnotherCertificateIsRefused() {
    Path cert = tmp.resolve("usercert.pem");
    Path key = tmp.resolve("userkey.pem");
    PemFiles.writeCertificates(cert, TestPki.USER.chain(), PemFiles.PUBLIC_READ);
    PemFiles.writePrivateKey(key, proxy.privateKey(), null, PemFiles.OWNER_READ_WRITE);
    BadInputException e = assertThrows(BadInputException.class, () -> PemFiles.readCredential(cert, key, PassphraseSource.NONE));
    assertTrue(e.problem().contains("does not belong"), e.oneLine());
  }

  @Test
  void fileWithoutCertificateIsBadInput() throws Exception {
    Path f = Files.writeString(tmp.resolve("empty.pem"), "hello\n");
    BadInputException e = assertThrows(BadInputException.class, () -> PemFiles.readCertificates(f));
    assertTrue(e.problem().contains("BEGIN CERTIFICATE"), e.oneLine());
  }

  @Test
  void missingFileIsBadInput() {
    BadInputException e = assertThrows(BadInputException.class, () -> PemFiles.readCertificates(tmp.resolve("nope.pem")));
    assertTrue(e.problem().contains("no such file"), e.oneLine());
  }

  @Test
  void userCredentialRoundTrips() {
    Credential user = TestPki.CA.issueUser("/DC=org/DC=example/CN=Bob", Duration.ofDays(1));
    PemFiles.writeCertificates(tmp.resolve("usercert.pem"), user.chain(), PemFiles.PUBLIC_READ);
    PemFiles.writePrivateKey(tmp.resolve("userkey.pem"), user.privateKey(), null, PemFiles.OWNER_READ_ONLY);
    Credential back = PemFiles.readCredential(tmp.resolve("usercert.pem"), tmp.resolve("userkey.pem"), PassphraseSource.NONE);
    assertEquals(user.chain(), back.chain());
  }

  private static void write(Path f, Object pem) throws Exception {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(text)) {
      w.writeObject(pem);
    }
    Files.writeString(f, text.toString());
  }
}
