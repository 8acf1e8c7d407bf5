package org.pilotpool.authz;

import java.util.Objects;

/**
 * What a ban names, as {@code pap-admin ban subject|fqan|vo <value>} does in Argus: a user's DN, an
 * exact FQAN, or a whole VO.
 */
public record BanTarget(Kind kind, String value) {

  /** The attribute a ban matches. */
  public enum Kind {
    /** The payload credential's subject DN, matched exactly. */
    DN,
    /** One FQAN, matched exactly against every FQAN of the request. */
    FQAN,
    /** A VO, matched against the VO of the request's primary FQAN. */
    VO
  }

  public BanTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a " + kind + " ban needs a value");
    }
  }

  public static BanTarget dn(String dn) {
    return new BanTarget(Kind.DN, dn);
  }

  public static BanTarget fqan(String fqan) {
    return new BanTarget(Kind.FQAN, fqan);
  }

  public static BanTarget vo(String vo) {
    return new BanTarget(Kind.VO, vo);
  }

  /** Whether this ban applies to {@code request}. */
  public boolean matches(AuthzRequest request) {
    return switch (kind) {
      case DN -> value.equals(request.identity());
      case FQAN -> request.fqans().contains(value);
      case VO -> value.equals(request.vo());
    };
  }
}
