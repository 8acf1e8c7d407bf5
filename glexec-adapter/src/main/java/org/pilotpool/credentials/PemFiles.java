package org.pilotpool.credentials;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.pilotpool.model.input.BadInputException;

/**
 * PEM files as the grid tools lay them out. A proxy file holds the proxy certificate, its
 * unencrypted private key, then the rest of the chain (Globus layout, what {@code X509_USER_PROXY}
 * and glexec's {@code GLEXEC_CLIENT_CERT} point at). Keys are read in PKCS#1
 * ({@code RSA PRIVATE KEY}, optionally OpenSSL-encrypted) and PKCS#8 ({@code PRIVATE KEY},
 * {@code ENCRYPTED PRIVATE KEY}) form; proxy keys are written in PKCS#1, as Globus writes them.
 *
 * <p>Files are written to a temporary file created with mode 0600 in the target directory, then
 * moved over the target: no moment exists where the content is readable by others, and readers
 * never see a half-written file.
 */
public final class PemFiles {
  /** rw------- : proxies and private keys. */
  public static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
  /** r-------- : user keys, as grid-cert-request leaves them. */
  public static final Set<PosixFilePermission> OWNER_READ_ONLY = PosixFilePermissions.fromString("r--------");
  /** rw-r--r-- : certificates, which are public. */
  public static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");

  /** Decrypting PBES2 and legacy OpenSSL keys needs ciphers the JDK lacks under some names. */
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private PemFiles() {}

  /** Writes a proxy (or any credential) in the Globus layout: certificate, key, chain; mode 0600. */
  public static void writeCredential(Path file, Credential credential) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      pem.writeObject(credential.certificate());
      pem.writeObject(credential.privateKey());
      for (X509Certificate c : credential.chain().subList(1, credential.chain().size())) {
        pem.writeObject(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeAtomically(file, text.toString(), OWNER_READ_WRITE);
  }

  /** Writes certificates (leaf first) with the given mode, normally {@link #PUBLIC_READ}. */
  public static void writeCertificates(Path file, List<X509Certificate> certificates, Set<PosixFilePermission> mode) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      for (X509Certificate c : certificates) {
        pem.writeObject(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeAtomically(file, text.toString(), mode);
  }

  /**
   * Writes a private key with the given mode: PKCS#1 when {@code passphrase} is null, else
   * PKCS#8 encrypted with AES-256-CBC (PBES2), which OpenSSL and Globus read.
   */
  public static void writePrivateKey(Path file, PrivateKey key, char[] passphrase, Set<PosixFilePermission> mode) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      if (passphrase == null) {
        pem.writeObject(key);
      } else {
        pem.writeObject(new JcaPKCS8Generator(key,
            new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(BC).setPassword(passphrase).build()));
      }
    } catch (IOException | OperatorCreationException e) {
      throw new IllegalStateException("encoding a private key failed", e);
    }
    writeAtomically(file, text.toString(), mode);
  }

  /** Writes text to {@code file} through a 0600 temporary file and an atomic rename. */
  public static void writeAtomically(Path file, String content, Set<PosixFilePermission> mode) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
          PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
      Files.writeString(tmp, content, StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(tmp, mode);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new BadInputException(file.toString(), 0, null, "cannot write file: " + describe(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The write already failed; that error is the one to report.
        }
      }
    }
  }

  /** All certificates in a PEM file, in file order; other PEM objects are skipped. */
  public static List<X509Certificate> readCertificates(Path file) {
    List<X509Certificate> certs = new ArrayList<>();
    for (Object o : readObjects(file)) {
      if (o instanceof X509CertificateHolder h) {
        certs.add(toCertificate(file, h));
      }
    }
    if (certs.isEmpty()) {
      throw new BadInputException(file.toString(), 0, null,
          "no certificate found: expected a PEM file with a '-----BEGIN CERTIFICATE-----' block");
    }
    return certs;
  }

  /**
   * The first private key in a PEM file (PKCS#1 or PKCS#8, plain or encrypted). The passphrase
   * source is asked only for an encrypted key.
   */
  public static PrivateKey readPrivateKey(Path file, PassphraseSource passphrases) {
    for (Object o : readObjects(file)) {
      PrivateKey key = toPrivateKey(file, o, passphrases);
      if (key != null) {
        return key;
      }
    }
    throw new BadInputException(file.toString(), 0, null,
        "no private key found: expected a PEM block '-----BEGIN RSA PRIVATE KEY-----', "
            + "'-----BEGIN PRIVATE KEY-----' or '-----BEGIN ENCRYPTED PRIVATE KEY-----'");
  }

  /** A credential from a certificate (chain) file and a key file, which may be the same file. */
  public static Credential readCredential(Path certFile, Path keyFile, PassphraseSource passphrases) {
    List<X509Certificate> chain = readCertificates(certFile);
    PrivateKey key = readPrivateKey(keyFile, passphrases);
    if (!Keys.matches(key, chain.get(0).getPublicKey())) {
      throw new BadInputException(keyFile.toString(), 0, null,
          "the private key does not belong to the certificate in " + certFile
              + ": expected the key of " + X509Names.slashForm(chain.get(0).getSubjectX500Principal()));
    }
    return new Credential(chain, key);
  }

  /** A proxy file in the Globus layout; its key must not be encrypted. Does not check the key. */
  public static Credential readProxy(Path file) {
    return new Credential(readCertificates(file), readPrivateKey(file, PassphraseSource.NONE));
  }

  private static List<Object> readObjects(Path file) {
    List<Object> objects = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        PEMParser parser = new PEMParser(r)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        objects.add(o);
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException(file.toString(), 0, null, "no such file: expected a PEM file", e);
    } catch (AccessDeniedException e) {
      throw new BadInputException(file.toString(), 0, null, "permission denied: cannot read the file", e);
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(file.toString(), 0, null, "malformed PEM: " + describe(e), e);
    }
    return objects;
  }

  private static X509Certificate toCertificate(Path file, X509CertificateHolder h) {
    try {
      return new JcaX509CertificateConverter().getCertificate(h);
    } catch (CertificateException e) {
      throw new BadInputException(file.toString(), 0, null, "malformed certificate: " + describe(e), e);
    }
  }

  private static PrivateKey toPrivateKey(Path file, Object o, PassphraseSource passphrases) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
    try {
      if (o instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (o instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (o instanceof PEMEncryptedKeyPair encrypted) {
        char[] pass = passphrases.passphrase(file);
        try {
          return converter.getPrivateKey(encrypted
              .decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(pass))
              .getPrivateKeyInfo());
        } finally {
          Arrays.fill(pass, '\0');
        }
      }
      if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
        char[] pass = passphrases.passphrase(file);
        try {
          return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
              new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(pass)));
        } finally {
          Arrays.fill(pass, '\0');
        }
      }
      return null;
    } catch (PEMException | PKCSException | OperatorCreationException | RuntimeException e) {
      if (e instanceof BadInputException bad) {
        throw bad;
      }
      throw new BadInputException(file.toString(), 0, null,
          "cannot decode the private key (wrong passphrase or corrupt key): " + describe(e), e);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), 0, null,
          "cannot decrypt the private key: wrong passphrase or corrupt key", e);
    }
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
