package org.pilotpool.model.glidein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.glexec.GlexecResult;

/** glexec_setup.sh's decision table, binary resolution and "Hello World" tests, row by row. */
class GlexecValidationTest {
  private static final NodeEnvironment OSG_NODE = NodeEnvironment.osgWithGlexec();
  private static final GlexecResult PASSED = GlexecResult.exited(0, "", Optional.of("cms001"), Duration.ZERO);

  private static GlideinAttributes attrs(String use, GlexecBin bin) {
    return GlideinAttributes.of(Optional.ofNullable(use), bin, "/scratch/glide_1/tmp");
  }

  private static GlexecValidation.Next start(GlideinAttributes attributes, NodeEnvironment node) {
    return new GlexecValidation(attributes, node).start();
  }

  private static GlideinSetup done(GlexecValidation.Next next) {
    return assertInstanceOf(GlexecValidation.Done.class, next).setup();
  }

  private static GlideinSetup.Failed failed(GlexecValidation.Next next, GlideinErrorClass expected) {
    GlideinSetup.Failed failed = assertInstanceOf(GlideinSetup.Failed.class, done(next));
    assertEquals(expected, failed.errorClass(), failed.message());
    return failed;
  }

  /** Runs the setup to its end, answering every test with {@code results} in turn. */
  private static GlideinSetup runAll(GlideinAttributes attributes, List<GlexecResult> results) {
    GlexecValidation validation = new GlexecValidation(attributes, OSG_NODE);
    GlexecValidation.Next next = validation.start();
    int i = 0;
    while (next instanceof GlexecValidation.RunTest) {
      next = validation.onTestResult(results.get(i++));
    }
    return done(next);
  }

  @Test
  void anUnknownGlexecUseFailsTheGlideinWithVoConfig() {
    GlideinSetup.Failed failed = failed(start(attrs("SOMETIMES", GlexecBin.OSG), OSG_NODE),
        GlideinErrorClass.VO_CONFIG);
    assertTrue(failed.message().contains("SOMETIMES"), failed.message());
  }

  @Test
  void glexecUseIsCaseSensitive() {
    failed(start(attrs("required", GlexecBin.OSG), OSG_NODE), GlideinErrorClass.VO_CONFIG);
  }

  @Test
  void anAbsentGlexecUseBehavesAsOptional() {
    assertInstanceOf(GlideinSetup.Disabled.class, done(start(attrs(null, GlexecBin.NONE), OSG_NODE)));
    assertInstanceOf(GlexecValidation.RunTest.class, start(attrs(null, GlexecBin.OSG), OSG_NODE));
  }

  @Test
  void neverFailsWithVoConfigWhenTheFactoryRequiresGlexec() {
    failed(start(attrs("NEVER", GlexecBin.OSG).withRequireGlideinGlexecUse(true), OSG_NODE),
        GlideinErrorClass.VO_CONFIG);
  }

  @Test
  void neverDisablesGlexecEvenWhereTheSiteHasIt() {
    GlideinSetup.Disabled disabled = assertInstanceOf(GlideinSetup.Disabled.class,
        done(start(attrs("NEVER", GlexecBin.OSG), OSG_NODE)));
    assertFalse(disabled.glexecUsed());
    assertEquals(Map.of("GLEXEC_STARTER", "False", "GLEXEC_JOB", "False"), disabled.condorConfig());
  }

  @Test
  void optionalWithoutABinaryDisablesGlexec() {
    assertInstanceOf(GlideinSetup.Disabled.class, done(start(attrs("OPTIONAL", GlexecBin.NONE), OSG_NODE)));
  }

  @Test
  void optionalWithoutABinaryFailsWithVoConfigWhenTheFactoryRequiresGlexec() {
    failed(start(attrs("OPTIONAL", GlexecBin.NONE).withRequireGlideinGlexecUse(true), OSG_NODE),
        GlideinErrorClass.VO_CONFIG);
  }

  @Test
  void optionalWithABinaryRunsTheFirstTestWithTheResolvedBinaryAndShell() {
    GlexecValidation.RunTest test = assertInstanceOf(GlexecValidation.RunTest.class,
        start(attrs("OPTIONAL", GlexecBin.OSG), OSG_NODE));
    assertEquals(new GlexecValidation.RunTest(1, "/usr/sbin/glexec", "/usr/bin/bash"), test);
  }

  @Test
  void requiredWithoutABinaryFailsWithVoConfig() {
    failed(start(attrs("REQUIRED", GlexecBin.NONE), OSG_NODE), GlideinErrorClass.VO_CONFIG);
  }

  @Test
  void requiredWithTwoPassingTestsEnablesGlexecAndWritesItsCondorConfig() {
    GlideinSetup.Enabled enabled = assertInstanceOf(GlideinSetup.Enabled.class,
        runAll(attrs("REQUIRED", GlexecBin.OSG), List.of(PASSED, PASSED)));
    assertTrue(enabled.glexecUsed());
    assertEquals("/usr/sbin/glexec", enabled.glexecPath());
    Map<String, String> config = enabled.condorConfig();
    assertEquals(List.of("ALTERNATIVE_SHELL", "GLEXEC_USER_DIR", "GLEXEC_STARTER", "GLEXEC_JOB", "GLEXEC",
        "GLIDEIN_Entry_Start"), List.copyOf(config.keySet()));
    assertEquals("/usr/bin/bash", config.get("ALTERNATIVE_SHELL"));
    assertEquals("/scratch/glide_1/tmp", config.get("GLEXEC_USER_DIR"));
    assertEquals("False", config.get("GLEXEC_STARTER"));
    assertEquals("True", config.get("GLEXEC_JOB"));
    assertEquals("/usr/sbin/glexec", config.get("GLEXEC"));
    assertEquals(GlexecValidation.PROXY_START_CONDITION, config.get("GLIDEIN_Entry_Start"));
  }

  @Test
  void withoutGlexecJobTheGlideinUsesTheLegacyGlexecStarter() {
    GlideinSetup.Enabled enabled = assertInstanceOf(GlideinSetup.Enabled.class,
        runAll(attrs("REQUIRED", GlexecBin.OSG).withGlexecJob(false), List.of(PASSED, PASSED)));
    assertEquals("True", enabled.condorConfig().get("GLEXEC_STARTER"));
    assertEquals("False", enabled.condorConfig().get("GLEXEC_JOB"));
  }

  @Test
  void theProxyConditionIsPrependedToAnExistingEntryStart() {
    GlideinSetup.Enabled enabled = assertInstanceOf(GlideinSetup.Enabled.class,
        runAll(attrs("REQUIRED", GlexecBin.OSG).withEntryStart("Owner =!= \"mallory\""), List.of(PASSED, PASSED)));
    assertEquals(GlexecValidation.PROXY_START_CONDITION + "&&(Owner =!= \"mallory\")",
        enabled.condorConfig().get("GLIDEIN_Entry_Start"));
  }

  @Test
  void aFailingFirstTestFailsAnOptionalGlideinWithWnResourceWithoutTheSecondTest() {
    GlexecValidation validation = new GlexecValidation(attrs("OPTIONAL", GlexecBin.OSG), OSG_NODE);
    validation.start();
    GlideinSetup.Failed failed = failed(validation.onTestResult(
        GlexecResult.exited(202, "LCAS/LCMAPS not initialized", Optional.empty(), Duration.ZERO)),
        GlideinErrorClass.WN_RESOURCE);
    assertTrue(failed.message().contains("nonzero value 202"), failed.message());
    assertEquals(0, validation.testRunning(), "no second test is asked for");
  }

  @Test
  void aFailingSecondTestFailsTheGlideinWithWnResource() {
    GlideinSetup.Failed failed = assertInstanceOf(GlideinSetup.Failed.class, runAll(attrs("REQUIRED", GlexecBin.OSG),
        List.of(PASSED, GlexecResult.exited(203, "", Optional.empty(), Duration.ZERO))));
    assertEquals(GlideinErrorClass.WN_RESOURCE, failed.errorClass());
    assertTrue(failed.message().startsWith("glexec test2 failed"), failed.message());
  }

  @Test
  void exitZeroWithoutHelloWorldAsLastLineFailsTheGlideinWithWnResource() {
    GlexecResult noHello = new GlexecResult(0, Optional.of(GlexecResult.AdapterFailure.UNEXPECTED_OUTPUT),
        "last line: uid=501(cms001)", Optional.of("cms001"), Duration.ZERO);
    GlideinSetup.Failed failed = assertInstanceOf(GlideinSetup.Failed.class,
        runAll(attrs("OPTIONAL", GlexecBin.OSG), List.of(noHello)));
    assertEquals(GlideinErrorClass.WN_RESOURCE, failed.errorClass());
    assertTrue(failed.message().contains("Hello World"), failed.message());
  }

  @Test
  void aNamedBinaryMissingOnTheNodeFailsWithWnResourceBeforeAnyTest() {
    GlideinSetup.Failed failed = failed(start(attrs("OPTIONAL", GlexecBin.OSG), NodeEnvironment.withoutGlexec()),
        GlideinErrorClass.WN_RESOURCE);
    assertTrue(failed.message().contains("not found"), failed.message());
  }

  @Test
  void aBinaryThatIsNotExecutableFailsWithWnResource() {
    NodeEnvironment node = new NodeEnvironment.Snapshot(Map.of(), Map.of("/opt/glexec", false), "/bin/dash");
    GlideinSetup.Failed failed = failed(start(attrs("REQUIRED", GlexecBin.path("/opt/glexec")), node),
        GlideinErrorClass.WN_RESOURCE);
    assertTrue(failed.message().contains("not executable"), failed.message());
  }

  @Test
  void gliteResolvesGlexecLocationThenGliteLocationThenOptGlite() {
    NodeEnvironment both = new NodeEnvironment.Snapshot(
        Map.of("GLEXEC_LOCATION", "/g1", "GLITE_LOCATION", "/g2"),
        Map.of("/g1/sbin/glexec", true, "/g2/sbin/glexec", true), "/bin/sh");
    NodeEnvironment second = new NodeEnvironment.Snapshot(
        Map.of("GLEXEC_LOCATION", "/g1", "GLITE_LOCATION", "/g2"), Map.of("/g2/sbin/glexec", true), "/bin/sh");
    NodeEnvironment neither = new NodeEnvironment.Snapshot(Map.of(), Map.of("/opt/glite/sbin/glexec", true), "/bin/sh");
    assertEquals(new GlexecValidation.Found("/g1/sbin/glexec"), GlexecValidation.resolveBinary(GlexecBin.GLITE, both));
    assertEquals(new GlexecValidation.Found("/g2/sbin/glexec"), GlexecValidation.resolveBinary(GlexecBin.GLITE, second));
    assertEquals(new GlexecValidation.Found("/opt/glite/sbin/glexec"),
        GlexecValidation.resolveBinary(GlexecBin.GLITE, neither));
  }

  @Test
  void autoPrefersTheOsgLocationAndFallsBackToTheRpmPathThenGlite() {
    NodeEnvironment osg = new NodeEnvironment.Snapshot(Map.of("OSG_GLEXEC_LOCATION", "/osg/glexec",
        "GLEXEC_LOCATION", "/g1"), Map.of("/osg/glexec", true, "/g1/sbin/glexec", true), "/bin/sh");
    NodeEnvironment rpm = new NodeEnvironment.Snapshot(Map.of("OSG_GLEXEC_LOCATION", "/missing"),
        Map.of("/usr/sbin/glexec", true), "/bin/sh");
    NodeEnvironment glite = new NodeEnvironment.Snapshot(Map.of("GLITE_LOCATION", "/g2"),
        Map.of("/g2/sbin/glexec", true, "/usr/sbin/glexec", true), "/bin/sh");
    assertEquals(new GlexecValidation.Found("/osg/glexec"), GlexecValidation.resolveBinary(GlexecBin.AUTO, osg));
    assertEquals(new GlexecValidation.Found("/usr/sbin/glexec"), GlexecValidation.resolveBinary(GlexecBin.AUTO, rpm));
    assertEquals(new GlexecValidation.Found("/g2/sbin/glexec"), GlexecValidation.resolveBinary(GlexecBin.AUTO, glite),
        "the RPM path is only tried when OSG_GLEXEC_LOCATION is set");
    assertInstanceOf(GlexecValidation.NotFound.class,
        GlexecValidation.resolveBinary(GlexecBin.AUTO, NodeEnvironment.withoutGlexec()));
  }

  @Test
  void theStartConditionAdmitsOnlyJobsWithAProxyAndWithVomsOnlyJobsWithAnFqan() {
    ClassAd slot = new ClassAd().insert("START", GlexecValidation.PROXY_START_CONDITION);
    ClassAd vomsSlot = new ClassAd().insert("START", GlexecValidation.PROXY_START_CONDITION)
        .set("GLIDEIN_REQUIRE_VOMS", true);
    ClassAd noProxy = new ClassAd().set("Owner", "alice");
    ClassAd proxyOnly = new ClassAd().set("x509userproxysubject", "/DC=org/CN=alice");
    ClassAd withFqan = new ClassAd().set("x509userproxysubject", "/DC=org/CN=alice")
        .set("x509userproxyfirstfqan", "/cms/Role=NULL/Capability=NULL");
    assertFalse(slot.evaluate("START", noProxy).isTrue());
    assertTrue(slot.evaluate("START", proxyOnly).isTrue());
    assertFalse(vomsSlot.evaluate("START", proxyOnly).isTrue());
    assertTrue(vomsSlot.evaluate("START", withFqan).isTrue());
  }
}
