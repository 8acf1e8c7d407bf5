package org.pilotpool.cli.proxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.pilotpool.credentials.CaDirectory;
import org.pilotpool.credentials.CertificateAuthority;
import org.pilotpool.credentials.PemFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pilotpool proxy ca}: a self-signed test CA in X509_CERT_DIR layout. */
@Command(
    name = "ca",
    mixinStandardHelpOptions = true,
    description = {
        "Create a self-signed test CA (RSA 2048, SHA-256) in a directory usable as X509_CERT_DIR: "
            + "<hash>.0 (the CA certificate, named by 'openssl x509 -hash'), <hash>.signing_policy "
            + "(Globus EACL) and " + Cli.CA_KEY + " (the CA key, mode 0600). "
            + "For tests and private pools only."})
final class CaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to create or add to.")
  Path out;

  @Option(names = "--dn", paramLabel = "DN", defaultValue = "/DC=org/DC=pilotpool/CN=pilotpool Test CA",
      description = "CA subject in slash form (default: ${DEFAULT-VALUE}). It signs subjects under its parent,"
          + " e.g. /DC=org/DC=pilotpool/*.")
  String dn;

  @Option(names = "--days", paramLabel = "N", defaultValue = "3650", description = "Validity in days (default: ${DEFAULT-VALUE}).")
  int days;

  @Override
  public Integer call() {
    if (days <= 0) {
      throw new org.pilotpool.model.input.BadInputException("command line", 0, "--days", "expected a positive number of days, got " + days);
    }
    CertificateAuthority ca = Cli.userInput("command line", "--dn",
        () -> CertificateAuthority.create(dn, Duration.ofDays(days), Cli.CLOCK, Cli.RANDOM));
    Path cert = CaDirectory.install(out, ca.certificate());
    PemFiles.writePrivateKey(out.resolve(Cli.CA_KEY), ca.privateKey(), null, PemFiles.OWNER_READ_WRITE);
    var w = spec.commandLine().getOut();
    w.println("CA certificate: " + cert);
    w.println("CA key:         " + out.resolve(Cli.CA_KEY));
    w.println("Signs subjects: " + CaDirectory.namespace(ca.certificate()));
    w.println("Trust it with:  X509_CERT_DIR=" + out.toAbsolutePath());
    return 0;
  }
}
