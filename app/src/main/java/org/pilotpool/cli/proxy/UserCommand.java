package org.pilotpool.cli.proxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.pilotpool.credentials.CaDirectory;
import org.pilotpool.credentials.CertificateAuthority;
import org.pilotpool.credentials.Credential;
import org.pilotpool.credentials.PemFiles;
import org.pilotpool.model.input.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pilotpool proxy user}: a user certificate and key signed by a test CA. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = {
        "Issue a user certificate from a test CA made by 'proxy ca', as in ~/.globus: "
            + "usercert.pem (mode 0644) and userkey.pem (mode 0400; PKCS#1, or encrypted PKCS#8 "
            + "with --passphrase-file)."})
final class UserCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--ca", required = true, paramLabel = "DIR", description = "CA directory made by 'proxy ca'.")
  Path caDir;

  @Option(names = "--dn", required = true, paramLabel = "DN",
      description = "User subject in slash form, e.g. /DC=org/DC=pilotpool/CN=Alice; must be in the CA's namespace.")
  String dn;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for usercert.pem and userkey.pem.")
  Path out;

  @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "Validity in days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--passphrase-file", paramLabel = "FILE",
      description = "Encrypt userkey.pem with the passphrase on the first line of FILE.")
  Path passphraseFile;

  @Override
  public Integer call() {
    if (days <= 0) {
      throw new BadInputException("command line", 0, "--days", "expected a positive number of days, got " + days);
    }
    CertificateAuthority ca = Cli.loadCa(caDir, "--ca");
    String namespace = CaDirectory.namespace(ca.certificate());
    Cli.userInput("command line", "--dn", () -> org.pilotpool.credentials.X509Names.parse(dn));
    if (!CaDirectory.inNamespace(dn, namespace)) {
      throw new BadInputException("command line", 0, "--dn", "'" + dn + "' is outside the CA's signing policy: expected "
          + namespace);
    }
    char[] pass = passphraseFile == null ? null : Cli.readPassphraseFile(passphraseFile);
    Credential user = ca.issueUser(dn, Duration.ofDays(days));
    PemFiles.writeCertificates(out.resolve("usercert.pem"), List.of(user.certificate()), PemFiles.PUBLIC_READ);
    PemFiles.writePrivateKey(out.resolve("userkey.pem"), user.privateKey(), pass, PemFiles.OWNER_READ_ONLY);
    var w = spec.commandLine().getOut();
    w.println("Certificate: " + out.resolve("usercert.pem"));
    w.println("Key:         " + out.resolve("userkey.pem") + (pass == null ? " (not encrypted)" : " (encrypted)"));
    w.println("Subject:     " + dn);
    return 0;
  }
}
