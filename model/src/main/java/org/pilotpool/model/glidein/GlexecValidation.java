package org.pilotpool.model.glidein;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.glexec.GlexecResult;

/**
 * A glidein's glexec setup (glideinWMS {@code glexec_setup.sh}) as a small state machine: {@link
 * #start()} applies the decision table and resolves the binary, then asks for the first "Hello
 * World" test; each {@link #onTestResult} asks for the next test or ends with a {@link
 * GlideinSetup}. Whoever drives it runs the tests (through glexec) in between.
 *
 * <p>The decision table, on {@code GLIDEIN_Glexec_Use}:
 * <ul>
 *   <li>not one of the three names: VO_Config failure;
 *   <li>NEVER: VO_Config failure when the entry requires glexec, else glexec disabled;
 *   <li>OPTIONAL: entry without a binary ({@code GLEXEC_BIN} NONE): VO_Config failure when the
 *       entry requires glexec, else disabled; entry with a binary: validate;
 *   <li>REQUIRED: entry without a binary: VO_Config failure; with one: validate.
 * </ul>
 * Validating resolves the binary (a missing or non-executable one is a WN_Resource failure) and
 * runs the two tests. Either test failing (non-zero exit, or a last line other than "Hello World")
 * is a WN_Resource failure of the glidein, <em>also under OPTIONAL</em>: the script only falls
 * back to running without glexec when the entry names no binary at all, and once a binary is named
 * it treats a broken glexec as a broken node. The second test runs only if the first passed.
 */
public final class GlexecValidation {
  /** Number of "Hello World" tests. */
  public static final int TESTS = 2;

  /** {@code GLIDEIN_Entry_Start}'s glexec part: jobs must carry a proxy subject, and a VOMS FQAN when the glidein requires VOMS. */
  public static final String PROXY_START_CONDITION =
      "(x509userproxysubject=!=UNDEFINED)&&((GLIDEIN_REQUIRE_VOMS=?=UNDEFINED)"
          + "||(GLIDEIN_REQUIRE_VOMS=?=False)||(TARGET.x509userproxyfirstfqan=!=UNDEFINED))";

  /** What to do next. */
  public sealed interface Next {}

  /**
   * Run "Hello World" test {@code test} (1: {@code glexec <sh> -c "id && echo ..."}; 2: glexec
   * on a generated script doing the same) with the glidein's own proxy as the client certificate.
   */
  public record RunTest(int test, String glexecPath, String shell) implements Next {}

  /** The setup is over. */
  public record Done(GlideinSetup setup) implements Next {
    public Done {
      Objects.requireNonNull(setup, "setup");
    }
  }

  /** Where the binary is, or why it is not usable. */
  public sealed interface Resolution {}

  public record Found(String path) implements Resolution {}

  public record NotFound(String message) implements Resolution {}

  private final GlideinAttributes attributes;
  private final NodeEnvironment node;
  private boolean started;
  private String glexecPath;
  private int testRunning;

  public GlexecValidation(GlideinAttributes attributes, NodeEnvironment node) {
    this.attributes = Objects.requireNonNull(attributes, "attributes");
    this.node = Objects.requireNonNull(node, "node");
  }

  /** Applies the decision table and resolves the binary. Call once. */
  public Next start() {
    if (started) {
      throw new IllegalStateException("glexec setup already started");
    }
    started = true;
    Optional<GlexecUse> parsed = GlexecUse.fromAttribute(attributes.glexecUse());
    if (parsed.isEmpty()) {
      return fail(GlideinErrorClass.VO_CONFIG, "GLIDEIN_Glexec_Use in the VO frontend is \""
          + attributes.glexecUse().orElse("") + "\"; accepted values are NEVER, OPTIONAL and REQUIRED");
    }
    boolean required = attributes.requireGlideinGlexecUse();
    boolean noBinary = attributes.glexecBin().isNone();
    switch (parsed.get()) {
      case NEVER -> {
        if (required) {
          return fail(GlideinErrorClass.VO_CONFIG,
              "the VO never uses glexec but the factory requires glideins to use it");
        }
        return disable("the VO does not want to use glexec");
      }
      case OPTIONAL -> {
        if (noBinary && required) {
          return fail(GlideinErrorClass.VO_CONFIG,
              "the factory requires glideins to use glexec but the entry's GLEXEC_BIN is NONE");
        }
        if (noBinary) {
          return disable("glexec is OPTIONAL for the VO and the site is not configured with glexec");
        }
      }
      case REQUIRED -> {
        if (noBinary) {
          return fail(GlideinErrorClass.VO_CONFIG,
              "the VO requires glexec but the site is not configured with glexec (GLEXEC_BIN is NONE)");
        }
      }
    }
    Resolution resolution = resolveBinary(attributes.glexecBin(), node);
    if (resolution instanceof NotFound notFound) {
      return fail(GlideinErrorClass.WN_RESOURCE, notFound.message());
    }
    glexecPath = ((Found) resolution).path();
    testRunning = 1;
    return new RunTest(1, glexecPath, node.resolvedShell());
  }

  /** The test asked for last has ended with {@code result}. */
  public Next onTestResult(GlexecResult result) {
    Objects.requireNonNull(result, "result");
    if (testRunning == 0) {
      throw new IllegalStateException("no test is running");
    }
    int test = testRunning;
    testRunning = 0;
    Optional<String> problem = testProblem(test, result);
    if (problem.isPresent()) {
      return fail(GlideinErrorClass.WN_RESOURCE, problem.get() + " (glexec " + glexecPath + ")");
    }
    if (test < TESTS) {
      testRunning = test + 1;
      return new RunTest(testRunning, glexecPath, node.resolvedShell());
    }
    return new Done(new GlideinSetup.Enabled(glexecPath, enabledConfig()));
  }

  /**
   * Which test is waiting for its result, 0 when none.
   */
  public int testRunning() {
    return testRunning;
  }

  /**
   * Resolves {@code GLEXEC_BIN} on a node as glexec_setup.sh does: OSG is {@code
   * $OSG_GLEXEC_LOCATION}; glite is {@code $GLEXEC_LOCATION/sbin/glexec} or {@code
   * $GLITE_LOCATION/sbin/glexec}, whichever is a file, else /opt/glite/sbin/glexec; auto tries
   * {@code $OSG_GLEXEC_LOCATION} (then /usr/sbin/glexec when that variable is set but names no
   * file), then the glite places. The result must be a file and executable.
   */
  public static Resolution resolveBinary(GlexecBin bin, NodeEnvironment node) {
    String path;
    switch (bin.kind()) {
      case NONE -> {
        return new NotFound("the entry has no glexec (GLEXEC_BIN is NONE)");
      }
      case OSG -> path = node.getenv("OSG_GLEXEC_LOCATION").orElse("");
      case GLITE -> path = gliteLocation(node).orElse("/opt/glite/sbin/glexec");
      case AUTO -> {
        Optional<String> found = osgLocation(node).or(() -> gliteLocation(node))
            .or(() -> Optional.of("/opt/glite/sbin/glexec").filter(node::isFile));
        if (found.isEmpty()) {
          return new NotFound("GLEXEC_BIN was auto, but no glexec was found");
        }
        path = found.get();
      }
      case PATH -> path = bin.path();
      default -> throw new IllegalStateException("unknown kind " + bin.kind());
    }
    if (!node.isFile(path)) {
      return new NotFound("glexec binary '" + path + "' not found");
    }
    if (!node.isExecutable(path)) {
      return new NotFound("glexec binary '" + path + "' is not executable");
    }
    return new Found(path);
  }

  private static Optional<String> osgLocation(NodeEnvironment node) {
    Optional<String> osg = node.getenv("OSG_GLEXEC_LOCATION");
    if (osg.isEmpty()) {
      return Optional.empty();
    }
    if (node.isFile(osg.get())) {
      return osg;
    }
    return Optional.of("/usr/sbin/glexec").filter(node::isFile);
  }

  private static Optional<String> gliteLocation(NodeEnvironment node) {
    for (String variable : new String[] {"GLEXEC_LOCATION", "GLITE_LOCATION"}) {
      Optional<String> candidate = node.getenv(variable).map(dir -> dir + "/sbin/glexec");
      if (candidate.isPresent() && node.isFile(candidate.get())) {
        return candidate;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> testProblem(int test, GlexecResult result) {
    String name = test == 1 ? "glexec test" : "glexec test" + test;
    String detail = result.stderr().isEmpty() ? "" : "; stderr: " + result.stderr();
    if (result.failure().isPresent()
        && result.failure().get() == GlexecResult.AdapterFailure.UNEXPECTED_OUTPUT) {
      return Optional.of(name + ": glexec broken, the last line is not \"Hello World\"" + detail);
    }
    if (result.failure().isPresent()) {
      return Optional.of(name + " failed: " + result.failure().get() + detail);
    }
    if (result.exitStatus() != 0) {
      return Optional.of(name + " failed, nonzero value " + result.exitStatus() + detail);
    }
    return Optional.empty();
  }

  private Map<String, String> enabledConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("ALTERNATIVE_SHELL", node.resolvedShell());
    config.put("GLEXEC_USER_DIR", attributes.tmpDir());
    config.put("GLEXEC_STARTER", attributes.glexecJob() ? "False" : "True");
    config.put("GLEXEC_JOB", attributes.glexecJob() ? "True" : "False");
    // The glidein config's GLEXEC_BIN reaches HTCondor as GLEXEC (condor_vars.lst).
    config.put("GLEXEC", glexecPath);
    config.put("GLIDEIN_Entry_Start", attributes.entryStart()
        .map(existing -> PROXY_START_CONDITION + "&&(" + existing + ")")
        .orElse(PROXY_START_CONDITION));
    return config;
  }

  private Next disable(String reason) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("GLEXEC_STARTER", "False");
    config.put("GLEXEC_JOB", "False");
    return new Done(new GlideinSetup.Disabled(reason, config));
  }

  private static Next fail(GlideinErrorClass errorClass, String message) {
    return new Done(new GlideinSetup.Failed(errorClass, message));
  }
}
