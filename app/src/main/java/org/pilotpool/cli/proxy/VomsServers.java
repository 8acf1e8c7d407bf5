package org.pilotpool.cli.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.pilotpool.credentials.CaDirectory;
import org.pilotpool.credentials.CertificateAuthority;
import org.pilotpool.credentials.Credential;
import org.pilotpool.credentials.PassphraseSource;
import org.pilotpool.credentials.PemFiles;
import org.pilotpool.credentials.VomsAttributeAuthority;
import org.pilotpool.credentials.X509Names;

/**
 * Test VOMS servers kept beside a test CA: {@code voms-<vo>-cert.pem} and {@code voms-<vo>-key.pem}
 * in the CA directory, made on first use, and {@code vomsdir/<vo>/<host>.lsc} so that
 * voms-proxy-info can check their ACs with {@code X509_VOMS_DIR=<ca dir>/vomsdir}.
 */
final class VomsServers {
  static final int PORT = 15000;

  private VomsServers() {}

  static String host(String vo) {
    return "voms-" + vo + ".pilotpool.test";
  }

  static VomsAttributeAuthority forVo(Path caDir, String vo) {
    Path certFile = caDir.resolve("voms-" + vo + "-cert.pem");
    Path keyFile = caDir.resolve("voms-" + vo + "-key.pem");
    Credential server;
    if (Files.isRegularFile(certFile) && Files.isRegularFile(keyFile)) {
      server = PemFiles.readCredential(certFile, keyFile, PassphraseSource.NONE);
    } else {
      CertificateAuthority ca = Cli.loadCa(caDir, "--vo-ca");
      String namespace = CaDirectory.namespace(ca.certificate());
      String dn = (namespace.equals("*") ? "" : namespace.substring(0, namespace.length() - 2)) + "/CN=" + host(vo);
      server = ca.issueService(dn, Duration.ofDays(365));
      server = new Credential(List.of(server.certificate(), ca.certificate()), server.privateKey());
      PemFiles.writeCertificates(certFile, server.chain(), PemFiles.PUBLIC_READ);
      PemFiles.writePrivateKey(keyFile, server.privateKey(), null, PemFiles.OWNER_READ_WRITE);
      PemFiles.writeAtomically(caDir.resolve("vomsdir").resolve(vo).resolve(host(vo) + ".lsc"),
          X509Names.slashForm(server.certificate().getSubjectX500Principal()) + "\n"
              + X509Names.slashForm(server.certificate().getIssuerX500Principal()) + "\n",
          PemFiles.PUBLIC_READ);
    }
    return new VomsAttributeAuthority(server, vo, host(vo), PORT, Cli.CLOCK, Cli.RANDOM);
  }
}
