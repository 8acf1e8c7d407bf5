package org.pilotpool.glexec.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MappedAccountTest {
  @Test
  void glexecLogLineNamesTheMappedUser() {
    String line = "glexec[4242]: real_user(glidein),real_group(glidein)->mapped_user(cms001),mapped_group(cms) "
        + "cwd: \"/\" cmd: \"/bin/sh\" (=\"/usr/bin/dash\") args: \"-c id\"";

    assertEquals(Optional.of("cms001"), MappedAccount.fromGlexecLog(line));
  }

  @Test
  void idOutputNamesTheUser() {
    assertEquals(Optional.of("pool042"), MappedAccount.fromIdOutput("uid=1042(pool042) gid=1000(pool) groups=1000(pool)\nHello World\n"));
  }

  @Test
  void unrelatedOutputRevealsNothing() {
    assertEquals(Optional.empty(), MappedAccount.fromIdOutput("Hello World\nmyuid=1(x)"));
    assertEquals(Optional.empty(), MappedAccount.fromGlexecLog("glexec: proxy expired"));
  }
}
