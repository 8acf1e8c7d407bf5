package org.pilotpool.cli.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.pilotpool.credentials.CertificateAuthority;
import org.pilotpool.credentials.Credential;
import org.pilotpool.credentials.PassphraseSource;
import org.pilotpool.credentials.PemFiles;
import org.pilotpool.model.input.BadInputException;

/** What the proxy subcommands share: the clock, randomness, the CA directory layout, passphrases. */
final class Cli {
  /** The CA's private key inside the CA directory made by {@code proxy ca}. */
  static final String CA_KEY = "ca-key.pem";
  /** The proxy commands act on real files for real tools, so they use the wall clock. */
  static final InstantSource CLOCK = InstantSource.system();
  static final SecureRandom RANDOM = new SecureRandom();

  private Cli() {}

  /**
   * The test CA in a directory made by {@code proxy ca}: its {@code <hash>.0} and
   * {@code ca-key.pem}.
   *
   * @param option the option that named the directory, for the error message
   */
  static CertificateAuthority loadCa(Path dir, String option) {
    Path keyFile = dir.resolve(CA_KEY);
    if (!Files.isRegularFile(keyFile)) {
      throw new BadInputException(dir.toString(), 0, option,
          "no " + CA_KEY + ": expected a CA directory made by 'pilotpool proxy ca'");
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        if (f.getFileName().toString().matches("[0-9a-f]{8}\\.0")) {
          X509Certificate cert = PemFiles.readCertificates(f).get(0);
          Credential ca = PemFiles.readCredential(f, keyFile, PassphraseSource.NONE);
          return new CertificateAuthority(new Credential(List.of(cert), ca.privateKey()), CLOCK, RANDOM);
        }
      }
    } catch (IOException e) {
      throw new BadInputException(dir.toString(), 0, option, "cannot list the directory: " + e.getMessage(), e);
    }
    throw new BadInputException(dir.toString(), 0, option,
        "no <hash>.0 CA certificate: expected a CA directory made by 'pilotpool proxy ca'");
  }

  /** The first line of a passphrase file, without its line end. */
  static char[] readPassphraseFile(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.get(0).isEmpty()) {
        throw new BadInputException(file.toString(), 1, null, "empty passphrase file: expected the passphrase on line 1");
      }
      return lines.get(0).toCharArray();
    } catch (IOException e) {
      throw new BadInputException(file.toString(), 0, null, "cannot read the passphrase file: " + e.getMessage(), e);
    }
  }

  /** Passphrases from a file when given, else from the terminal, else a clear error. */
  static PassphraseSource passphrases(Path passphraseFile) {
    if (passphraseFile != null) {
      return keyFile -> readPassphraseFile(passphraseFile);
    }
    return keyFile -> {
      java.io.Console console = System.console();
      if (console == null) {
        throw new BadInputException(keyFile.toString(), 0, "--passphrase-file",
            "the key is encrypted and there is no terminal to ask: give --passphrase-file FILE");
      }
      char[] pass = console.readPassword("Enter GRID pass phrase for this identity: ");
      if (pass == null) {
        throw new BadInputException(keyFile.toString(), 0, null, "no passphrase entered");
      }
      return pass;
    };
  }

  /** Runs a library call whose IllegalArgumentException is the user's input error. */
  static <T> T userInput(String source, String key, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(source, 0, key, e.getMessage(), e);
    }
  }
}
