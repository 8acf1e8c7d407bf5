package org.pilotpool.glexec.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.glexec.real.RealGlexecConfig.Flavour;

class RealGlexecConfigTest {
  @TempDir Path dir;

  private RealGlexecConfig config() {
    return RealGlexecConfig.of(Path.of("/usr/sbin/glexec"), Duration.ofSeconds(30), Flavour.OSG, Runnable::run);
  }

  @Test
  void extraEnvironmentCannotOverrideThePilotProxy() {
    assertThrows(IllegalArgumentException.class, () -> config().withExtraEnvironment(Map.of("X509_USER_PROXY", "/tmp/x")));
  }

  @Test
  void extraEnvironmentCannotOverrideTheTargetProxy() {
    assertThrows(IllegalArgumentException.class, () -> config().withExtraEnvironment(Map.of("GLEXEC_TARGET_PROXY", "/tmp/x")));
  }

  @Test
  void timeoutMustBePositive() {
    assertThrows(IllegalArgumentException.class,
        () -> RealGlexecConfig.of(Path.of("/usr/sbin/glexec"), Duration.ZERO, Flavour.OSG, Runnable::run));
  }

  private Path executable(Path p) throws Exception {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void osgBinaryIsWhereOsgGlexecLocationPoints() throws Exception {
    Path glexec = executable(dir.resolve("osg/glexec"));

    assertEquals(Optional.of(glexec), Flavour.OSG.locate(Map.of("OSG_GLEXEC_LOCATION", glexec.toString())));
  }

  @Test
  void egiBinaryFallsBackFromGlexecLocationToGliteLocation() throws Exception {
    Path glexec = executable(dir.resolve("glite/sbin/glexec"));

    assertEquals(Optional.of(glexec), Flavour.EGI.locate(
        Map.of("GLEXEC_LOCATION", dir.resolve("missing").toString(), "GLITE_LOCATION", dir.resolve("glite").toString())));
  }

  @Test
  void noBinaryWhenTheVariablesAreUnset() {
    assertEquals(Optional.empty(), Flavour.EGI.locate(Map.of()));
  }
}
