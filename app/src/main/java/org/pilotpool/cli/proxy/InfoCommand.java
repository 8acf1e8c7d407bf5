package org.pilotpool.cli.proxy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pilotpool.credentials.PemFiles;
import org.pilotpool.credentials.Proxies;
import org.pilotpool.credentials.ProxyType;
import org.pilotpool.credentials.VomsAttributes;
import org.pilotpool.credentials.X509Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pilotpool proxy info}: grid-proxy-info -all, plus the VOMS attributes. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
        "Show a proxy as 'grid-proxy-info -all' does (subject, issuer, identity, type, strength, path, "
            + "timeleft), then its VOMS attributes (VO, issuer, FQANs, primary first). Does not validate: "
            + "use 'proxy verify' for that."})
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Proxy file (Globus layout), e.g. /tmp/x509up_u1000.")
  Path file;

  @Override
  public Integer call() {
    List<X509Certificate> chain = PemFiles.readCertificates(file);
    X509Certificate leaf = chain.get(0);
    ProxyType type = Cli.userInput(file.toString(), null, () -> Proxies.type(leaf));
    Optional<VomsAttributes> voms = Cli.userInput(file.toString(), null, () -> VomsAttributes.of(chain));
    long now = Cli.CLOCK.instant().getEpochSecond();
    var w = spec.commandLine().getOut();
    w.println("subject  : " + X509Names.slashForm(leaf.getSubjectX500Principal()));
    w.println("issuer   : " + X509Names.slashForm(leaf.getIssuerX500Principal()));
    w.println("identity : " + Proxies.identity(chain));
    w.println("type     : " + type.description());
    w.println("strength : " + Proxies.strength(leaf) + " bits");
    w.println("path     : " + file);
    w.println("timeleft : " + Proxies.formatTimeLeft(Proxies.notAfter(chain).getEpochSecond() - now));
    voms.ifPresent(v -> {
      w.println("=== VO " + v.vo() + " extension information ===");
      w.println("VO        : " + v.vo());
      w.println("issuer    : " + v.issuer());
      v.fqans().forEach(f -> w.println("attribute : " + f));
      w.println("timeleft  : " + Proxies.formatTimeLeft(
          Duration.between(Cli.CLOCK.instant(), v.notAfter()).getSeconds()));
    });
    return 0;
  }
}
