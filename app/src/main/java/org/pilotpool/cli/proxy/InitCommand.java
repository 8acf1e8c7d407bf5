package org.pilotpool.cli.proxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pilotpool.credentials.Credential;
import org.pilotpool.credentials.PemFiles;
import org.pilotpool.credentials.ProxyFactory;
import org.pilotpool.credentials.ProxyRequest;
import org.pilotpool.credentials.Proxies;
import org.pilotpool.credentials.VomsAttributeAuthority;
import org.pilotpool.model.input.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pilotpool proxy init}: grid-proxy-init / voms-proxy-init for test credentials. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
        "Create a proxy (like grid-proxy-init, or voms-proxy-init with --fqan) and write it in the "
            + "Globus layout (certificate, key, chain) with mode 0600. "
            + "The issuer may be a user certificate or a proxy (then --key is the proxy file itself). "
            + "An encrypted key's passphrase comes from --passphrase-file, else from the terminal."})
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cert", required = true, paramLabel = "PEM", description = "Issuer certificate (chain), e.g. ~/.globus/usercert.pem.")
  Path cert;

  @Option(names = "--key", required = true, paramLabel = "PEM", description = "Issuer private key: PKCS#1 or PKCS#8, plain or encrypted.")
  Path key;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Proxy file to write, e.g. /tmp/x509up_u$UID.")
  Path out;

  @Option(names = "--hours", paramLabel = "H", defaultValue = "12", description = "Lifetime in hours (default: ${DEFAULT-VALUE}); capped by the issuer's.")
  double hours;

  @Option(names = "--fqan", paramLabel = "FQAN",
      description = "VOMS FQAN to embed in a VOMS attribute certificate, e.g. /cms/Role=pilot; repeat for more, primary first."
          + " All must be of one VO. Needs --vo-ca.")
  List<String> fqans = new ArrayList<>();

  @Option(names = "--vo-ca", paramLabel = "DIR",
      description = "Test CA directory (from 'proxy ca') whose VOMS server (made on first use) signs the FQANs.")
  Path voCa;

  @Option(names = "--limited", description = "Make a limited proxy (Globus limited policy; legacy: CN=limited proxy).")
  boolean limited;

  @Option(names = "--old", description = "Make a legacy Globus proxy (CN=proxy) instead of RFC 3820.")
  boolean old;

  @Option(names = "--path-length", paramLabel = "N", description = "Allow at most N further proxies below this one (RFC 3820 only).")
  Integer pathLength;

  @Option(names = "--bits", paramLabel = "B", defaultValue = "2048", description = "RSA key size of the proxy (default: ${DEFAULT-VALUE}).")
  int bits;

  @Option(names = "--passphrase-file", paramLabel = "F", description = "File whose first line is the key's passphrase.")
  Path passphraseFile;

  @Override
  public Integer call() {
    if (!(hours > 0)) {
      throw new BadInputException("command line", 0, "--hours", "expected a positive number of hours, got " + hours);
    }
    if (bits < 1024) {
      throw new BadInputException("command line", 0, "--bits", "expected at least 1024 bits, got " + bits);
    }
    Credential issuer = PemFiles.readCredential(cert, key, Cli.passphrases(passphraseFile));
    Duration lifetime = Duration.ofSeconds(Math.round(hours * 3600));
    ProxyRequest request = ProxyRequest.rfc3820(lifetime);
    if (old) {
      if (pathLength != null) {
        throw new BadInputException("command line", 0, "--path-length", "legacy proxies (--old) have no path length");
      }
      request = request.asLegacy();
    }
    if (limited) {
      request = request.asLimited();
    }
    if (pathLength != null) {
      if (pathLength < 0) {
        throw new BadInputException("command line", 0, "--path-length", "expected 0 or more, got " + pathLength);
      }
      request = request.withPathLength(pathLength);
    }
    if (!fqans.isEmpty()) {
      if (voCa == null) {
        throw new BadInputException("command line", 0, "--fqan", "needs --vo-ca DIR: the test CA whose VOMS server signs the FQANs");
      }
      List<String> full = new ArrayList<>();
      for (String f : fqans) {
        full.add(Cli.userInput("command line", "--fqan", () -> VomsAttributeAuthority.normalizeFqan(f)));
      }
      VomsAttributeAuthority voms = VomsServers.forVo(voCa, VomsAttributeAuthority.voOf(full.get(0)));
      Credential holder = issuer;
      request = request.withAttributeCertificate(
          Cli.userInput("command line", "--fqan", () -> voms.issue(holder.chain(), full, lifetime)));
    }
    ProxyRequest finalRequest = request;
    Credential proxy = Cli.userInput(cert.toString(), null,
        () -> new ProxyFactory(Cli.CLOCK, Cli.RANDOM, bits).delegate(issuer, finalRequest));
    PemFiles.writeCredential(out, proxy);
    var w = spec.commandLine().getOut();
    w.println("Your identity: " + Proxies.identity(proxy.chain()));
    w.println("Creating proxy ........................................ Done");
    w.println("Your proxy is valid until: " + Proxies.notAfter(proxy.chain()));
    w.println("Proxy file: " + out);
    return 0;
  }
}
