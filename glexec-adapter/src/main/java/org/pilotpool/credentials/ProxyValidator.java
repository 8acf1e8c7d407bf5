package org.pilotpool.credentials;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.bouncycastle.asn1.x500.X500Name;
import org.pilotpool.credentials.ProxyValidation.Rejected;
import org.pilotpool.credentials.ProxyValidation.Valid;
import org.pilotpool.model.input.BadInputException;

/**
 * Validates proxy chains against trusted CAs as a relying party does (RFC 3820 §4 path
 * validation, plus Globus's rules for legacy proxies). The checks run in this order and the first
 * failure decides the reason: readable file, key matches, leaf is a proxy, chain structure and
 * proxy naming, signatures, trust anchor, validity times at {@code clock.instant()}, path length.
 */
public final class ProxyValidator {
  private final CaDirectory trusted;
  private final InstantSource clock;

  public ProxyValidator(CaDirectory trusted, InstantSource clock) {
    this.trusted = trusted;
    this.clock = clock;
  }

  /**
   * Validates a proxy file in the Globus layout, including that its key matches. An unreadable
   * file, or a proxy without its key, is {@link RejectionReason#MALFORMED}; a file whose first
   * certificate is no proxy is {@link RejectionReason#NOT_A_PROXY} whether or not it has a key.
   */
  public ProxyValidation validate(Path proxyFile) {
    List<X509Certificate> chain;
    java.security.PrivateKey key;
    try {
      chain = PemFiles.readCertificates(proxyFile);
      ProxyType leaf = Proxies.type(chain.get(0));
      if (!leaf.isProxy()) {
        return validate(chain);
      }
      key = PemFiles.readPrivateKey(proxyFile, PassphraseSource.NONE);
    } catch (BadInputException e) {
      return new Rejected(RejectionReason.MALFORMED, e.problem());
    } catch (IllegalArgumentException e) {
      return new Rejected(RejectionReason.MALFORMED, e.getMessage());
    }
    return validate(new Credential(chain, key));
  }

  /** Validates a credential: its key must belong to its first certificate. */
  public ProxyValidation validate(Credential credential) {
    if (!Keys.matches(credential.privateKey(), credential.certificate().getPublicKey())) {
      return new Rejected(RejectionReason.KEY_MISMATCH, "the private key does not belong to proxy "
          + subject(credential.certificate()));
    }
    return validate(credential.chain());
  }

  /** Validates a chain, leaf first: the leaf must be a proxy. */
  public ProxyValidation validate(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      return new Rejected(RejectionReason.MALFORMED, "no certificate");
    }
    List<ProxyType> types = new ArrayList<>();
    for (X509Certificate c : chain) {
      try {
        types.add(Proxies.type(c));
      } catch (IllegalArgumentException e) {
        return new Rejected(RejectionReason.MALFORMED, e.getMessage());
      }
    }
    if (!types.get(0).isProxy()) {
      return new Rejected(RejectionReason.NOT_A_PROXY, subject(chain.get(0))
          + " is an end-entity certificate, not a proxy");
    }
    int eec = types.indexOf(ProxyType.NOT_A_PROXY);
    if (eec < 0) {
      return new Rejected(RejectionReason.BROKEN_CHAIN,
          "the chain has only proxies: the end-entity certificate that signed them is missing");
    }
    ProxyValidation structure = checkStructure(chain, types, eec);
    if (structure != null) {
      return structure;
    }
    for (int i = 0; i + 1 < chain.size(); i++) {
      if (!verifies(chain.get(i), chain.get(i + 1).getPublicKey())) {
        return new Rejected(RejectionReason.BAD_SIGNATURE, "the signature of " + subject(chain.get(i))
            + " does not verify with the key of " + subject(chain.get(i + 1)));
      }
    }
    X509Certificate last = chain.get(chain.size() - 1);
    List<X509Certificate> anchors = trusted.withSubject(last.getIssuerX500Principal());
    if (anchors.isEmpty()) {
      return new Rejected(RejectionReason.UNKNOWN_CA, "issuer " + X509Names.slashForm(last.getIssuerX500Principal())
          + " of " + subject(last) + " is not a trusted CA in " + trusted.path());
    }
    X509Certificate anchor = anchors.stream().filter(a -> verifies(last, a.getPublicKey())).findFirst().orElse(null);
    if (anchor == null) {
      return new Rejected(RejectionReason.BAD_SIGNATURE, "the signature of " + subject(last)
          + " does not verify with the key of trusted CA " + subject(anchors.get(0)));
    }
    Instant now = clock.instant();
    List<X509Certificate> withAnchor = new ArrayList<>(chain);
    if (!anchor.equals(last)) {
      withAnchor.add(anchor);
    }
    for (X509Certificate c : withAnchor) {
      if (now.isBefore(c.getNotBefore().toInstant())) {
        return new Rejected(RejectionReason.NOT_YET_VALID, subject(c) + " is not valid before "
            + c.getNotBefore().toInstant() + " (now " + now + ")");
      }
      if (now.isAfter(c.getNotAfter().toInstant())) {
        return new Rejected(RejectionReason.EXPIRED, subject(c) + " expired at "
            + c.getNotAfter().toInstant() + " (now " + now + ")");
      }
    }
    for (int i = 0; i < eec; i++) {
      OptionalInt limit = ProxyCertInfo.of(chain.get(i)).map(ProxyCertInfo::pathLength).orElse(OptionalInt.empty());
      if (limit.isPresent() && i > limit.getAsInt()) {
        return new Rejected(RejectionReason.PATH_LENGTH_EXCEEDED, subject(chain.get(i)) + " allows "
            + limit.getAsInt() + " proxies below it but has " + i);
      }
    }
    return new Valid(chain, types.get(0), Proxies.identity(chain));
  }

  /** Names link up, proxies are named after their issuers, and what follows the EEC is a CA. */
  private static ProxyValidation checkStructure(List<X509Certificate> chain, List<ProxyType> types, int eec) {
    for (int i = 0; i + 1 < chain.size(); i++) {
      X509Certificate c = chain.get(i);
      X509Certificate issuer = chain.get(i + 1);
      if (!name(c.getIssuerX500Principal()).equals(name(issuer.getSubjectX500Principal()))) {
        return new Rejected(RejectionReason.BROKEN_CHAIN, subject(c) + " was issued by "
            + X509Names.slashForm(c.getIssuerX500Principal()) + ", but the next certificate is "
            + subject(issuer));
      }
      if (i < eec && !X509Names.withoutLastRdn(name(c.getSubjectX500Principal()))
          .equals(name(issuer.getSubjectX500Principal()))) {
        return new Rejected(RejectionReason.BROKEN_CHAIN, "proxy " + subject(c)
            + " is not named after its issuer plus one CN");
      }
      if (i < eec && types.get(i).isLegacy() != types.get(i + 1).isLegacy() && types.get(i + 1).isProxy()) {
        return new Rejected(RejectionReason.BROKEN_CHAIN, "proxy " + subject(c) + " (" + types.get(i).description()
            + ") was signed by a " + types.get(i + 1).description());
      }
      if (i >= eec && issuer.getBasicConstraints() < 0) {
        return new Rejected(RejectionReason.BROKEN_CHAIN, subject(issuer)
            + " signs " + subject(c) + " but is not a CA");
      }
    }
    for (int i = eec + 1; i < chain.size(); i++) {
      if (types.get(i).isProxy()) {
        return new Rejected(RejectionReason.BROKEN_CHAIN, "proxy " + subject(chain.get(i))
            + " appears after the end-entity certificate");
      }
    }
    return null;
  }

  private static boolean verifies(X509Certificate cert, PublicKey issuerKey) {
    try {
      cert.verify(issuerKey);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static X500Name name(javax.security.auth.x500.X500Principal p) {
    return Proxies.name(p.getEncoded());
  }

  private static String subject(X509Certificate c) {
    return X509Names.slashForm(c.getSubjectX500Principal());
  }
}
