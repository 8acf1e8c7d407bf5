package org.pilotpool.cli.proxy;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pilotpool.credentials.CaDirectory;
import org.pilotpool.credentials.Proxies;
import org.pilotpool.credentials.ProxyValidation;
import org.pilotpool.credentials.ProxyValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pilotpool proxy verify}: validate a proxy against trusted CAs. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
        "Validate a proxy file against the trusted CAs of an X509_CERT_DIR-style directory: "
            + "chain, signatures, validity times, proxy naming and path length, key match. "
            + "Exit 0 when valid; otherwise the reason on stderr and exit 1 "
            + "(malformed, key does not match certificate, not a proxy, broken chain, bad signature, "
            + "unknown CA, expired, not yet valid, proxy path length exceeded)."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:valid", "1:rejected", "2:bad usage or unreadable CA directory"})
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--ca-dir", required = true, paramLabel = "DIR", description = "Trusted CA directory (<hash>.0 files).")
  Path caDir;

  @Parameters(paramLabel = "FILE", description = "Proxy file (Globus layout).")
  Path file;

  @Override
  public Integer call() {
    ProxyValidator validator = new ProxyValidator(CaDirectory.load(caDir), Cli.CLOCK);
    ProxyValidation result = validator.validate(file);
    if (result instanceof ProxyValidation.Valid valid) {
      spec.commandLine().getOut().println(file + ": valid " + valid.type().description() + " of " + valid.identity()
          + ", timeleft " + Proxies.formatTimeLeft(
              Proxies.notAfter(valid.chain()).getEpochSecond() - Cli.CLOCK.instant().getEpochSecond()));
      return 0;
    }
    ProxyValidation.Rejected rejected = (ProxyValidation.Rejected) result;
    spec.commandLine().getErr().println("pilotpool: " + file + ": " + rejected.reason().label() + ": " + rejected.message());
    return 1;
  }
}
