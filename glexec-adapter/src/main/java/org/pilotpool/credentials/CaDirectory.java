package org.pilotpool.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.pilotpool.model.input.BadInputException;

/**
 * Trusted CAs in the {@code X509_CERT_DIR} layout ({@code /etc/grid-security/certificates}): each
 * CA certificate in {@code <hash>.<n>}, where {@code <hash>} is {@link OpenSslNameHash} of its
 * subject and {@code n} counts up from 0 on collisions, beside a Globus
 * {@code <hash>.signing_policy} naming the subjects the CA may sign.
 */
public final class CaDirectory {
  private static final Pattern CA_FILE = Pattern.compile("[0-9a-f]{8}\\.[0-9]+");

  private final Path dir;
  private final Map<X500Name, List<X509Certificate>> bySubject;

  private CaDirectory(Path dir, Map<X500Name, List<X509Certificate>> bySubject) {
    this.dir = dir;
    this.bySubject = bySubject;
  }

  /** Reads every {@code <hash>.<n>} file of a directory. */
  public static CaDirectory load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir.toString(), 0, null,
          "not a directory: expected a trusted CA directory (X509_CERT_DIR layout, <hash>.0 files)");
    }
    Map<X500Name, List<X509Certificate>> bySubject = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        if (CA_FILE.matcher(f.getFileName().toString()).matches()) {
          for (X509Certificate c : PemFiles.readCertificates(f)) {
            bySubject.computeIfAbsent(Proxies.name(c.getSubjectX500Principal().getEncoded()),
                k -> new ArrayList<>()).add(c);
          }
        }
      }
    } catch (IOException e) {
      throw new BadInputException(dir.toString(), 0, null, "cannot list the directory: " + e.getMessage(), e);
    }
    if (bySubject.isEmpty()) {
      throw new BadInputException(dir.toString(), 0, null,
          "no CA certificates: expected files named <hash>.0 as in X509_CERT_DIR");
    }
    return new CaDirectory(dir, bySubject);
  }

  public Path path() {
    return dir;
  }

  /** The trusted certificates whose subject is {@code name} (several when a CA was re-keyed). */
  public List<X509Certificate> withSubject(X500Principal name) {
    return bySubject.getOrDefault(Proxies.name(name.getEncoded()), List.of());
  }

  /** All trusted certificates, in file-name order. */
  public List<X509Certificate> certificates() {
    return bySubject.values().stream().flatMap(List::stream).toList();
  }

  /**
   * Adds a CA certificate as {@code <hash>.<n>} (mode 0644) with a signing policy allowing
   * {@link #namespace} subjects; returns the certificate's path. Installing the same certificate
   * again rewrites its file.
   */
  public static Path install(Path dir, X509Certificate ca) {
    String hash = OpenSslNameHash.hash(ca.getSubjectX500Principal());
    Path target = null;
    for (int n = 0; target == null; n++) {
      Path candidate = dir.resolve(hash + "." + n);
      if (!Files.exists(candidate) || PemFiles.readCertificates(candidate).contains(ca)) {
        target = candidate;
      }
    }
    PemFiles.writeCertificates(target, List.of(ca), PemFiles.PUBLIC_READ);
    PemFiles.writeAtomically(dir.resolve(hash + ".signing_policy"), signingPolicy(ca), PemFiles.PUBLIC_READ);
    return target;
  }

  /**
   * The Globus EACL signing policy for a CA: it may sign subjects in its {@link #namespace}.
   */
  public static String signingPolicy(X509Certificate ca) {
    String dn = X509Names.slashForm(ca.getSubjectX500Principal());
    return "# Signing policy of " + dn + "\n"
        + "access_id_CA   X509   '" + dn + "'\n"
        + "pos_rights     globus CA:sign\n"
        + "cond_subjects  globus '\"" + namespace(ca) + "\"'\n";
  }

  /**
   * The subjects a CA signs: its own DN without the last RDN, then {@code /*}
   * ({@code /DC=org/DC=example/CN=Test CA} signs {@code /DC=org/DC=example/*}); {@code *} for a
   * one-RDN CA.
   */
  public static String namespace(X509Certificate ca) {
    X500Name parent = X509Names.withoutLastRdn(Proxies.name(ca.getSubjectX500Principal().getEncoded()));
    return parent.getRDNs().length == 0 ? "*" : X509Names.slashForm(parent) + "/*";
  }

  /** Whether a slash-form DN is inside a namespace pattern from {@link #namespace}. */
  public static boolean inNamespace(String slashDn, String namespace) {
    return namespace.equals("*") || slashDn.startsWith(namespace.substring(0, namespace.length() - 1));
  }
}
