package org.pilotpool.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.procd.KillMode;

class StarterConfigTest {
  private static StarterConfig read(String text) {
    return StarterConfig.fromConfig(ConfigFactory.parseString(text,
        ConfigParseOptions.defaults().setOriginDescription("pool.conf")));
  }

  @Test
  void absentKeysGiveHtcondorsBehaviour() {
    assertEquals(StarterConfig.defaults(), read(""));
    StarterConfig d = StarterConfig.defaults();
    assertTrue(d.holdOnInitialFailure());
    assertEquals(Duration.ofSeconds(60), d.proxyExpiringEvictionTime());
    assertEquals(Duration.ofSeconds(600), d.checkProxyInterval());
    assertEquals(IdentityPolicy.HTCONDOR, d.identityPolicy());
    assertEquals(DenialPolicy.HOLD, d.denialPolicy());
    assertEquals(KillMode.SPREE, d.killMode());
  }

  @Test
  void everyKeyIsRead() {
    StarterConfig c = read(String.join("\n",
        "pilotpool.starter.glexec-hold-on-initial-failure = false",
        "pilotpool.starter.proxy-expiring-eviction-time = 120 s",
        "pilotpool.starter.shadow-checkproxy-interval = 300 s",
        "pilotpool.starter.redelegation = refuse-identity-change",
        "pilotpool.starter.denial = exclude-site",
        "pilotpool.procd.kill-mode = signal-root"));

    assertEquals(new StarterConfig(false, Duration.ofSeconds(120), Duration.ofSeconds(300),
        IdentityPolicy.REFUSE_IDENTITY_CHANGE, DenialPolicy.EXCLUDE_SITE, KillMode.SIGNAL_ROOT), c);
  }

  @Test
  void anUnknownPolicyNamesTheKeyLineAndChoices() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> read("\npilotpool.starter.denial = ban-forever"));

    assertEquals("pilotpool.starter.denial", e.key().orElseThrow());
    assertEquals(2, e.line());
    assertTrue(e.problem().contains("hold, exclude-site"), e.problem());
  }

  @Test
  void aZeroCheckIntervalIsRejected() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> read("pilotpool.starter.shadow-checkproxy-interval = 0 s"));

    assertEquals("pilotpool.starter.shadow-checkproxy-interval", e.key().orElseThrow());
  }
}
