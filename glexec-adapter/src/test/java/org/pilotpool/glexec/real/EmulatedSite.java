package org.pilotpool.glexec.real;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.pilotpool.model.credential.ProxyCredential;

/**
 * A worker node with the glexec emulator installed: its configuration, mapping and ban files,
 * proxies, and an execute directory that pool accounts may create sandboxes in.
 */
final class EmulatedSite {
  static final String USER_DN = "/DC=org/DC=example/OU=People/CN=Alice Payload";
  static final String PILOT_DN = "/DC=org/DC=example/OU=Services/CN=pilot.example.org";

  final Path root;
  final Path glexec;
  final Path execute;
  final Path envDump;
  private final Path conf;
  private final Path mapFile;
  private final Path banFile;
  private final Map<String, String> settings = new LinkedHashMap<>();

  private EmulatedSite(Path root) throws IOException {
    this.root = root;
    // Pool accounts must reach the commands and sandboxes below a private temporary directory.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    this.glexec = root.resolve("glexec");
    try (InputStream in = EmulatedSite.class.getResourceAsStream("glexec-emulator.sh")) {
      Files.copy(in, glexec);
    }
    Files.setPosixFilePermissions(glexec, PosixFilePermissions.fromString("rwxr-xr-x"));
    this.execute = Files.createDirectory(root.resolve("execute"));
    Files.setPosixFilePermissions(execute, PosixFilePermissions.fromString("rwxrwxrwx"));
    this.conf = root.resolve("glexec.conf");
    this.mapFile = root.resolve("mapping");
    this.banFile = root.resolve("bans");
    this.envDump = root.resolve("received.env");
    Files.writeString(mapFile, "");
    Files.writeString(banFile, "");
    settings.put("map_file", mapFile.toString());
    settings.put("ban_file", banFile.toString());
    settings.put("env_dump", envDump.toString());
    map(PoolAccounts.USER_ACCOUNT, USER_DN);
    map(PoolAccounts.PILOT_ACCOUNT, PILOT_DN);
    writeConf();
  }

  /** A site in {@code root} with glexec in linger or exec mode, users and pilot mapped. */
  static EmulatedSite create(Path root, boolean linger) throws IOException {
    PoolAccounts.ensure();
    EmulatedSite site = new EmulatedSite(root);
    site.set("linger", linger ? "yes" : "no");
    return site;
  }

  EmulatedSite set(String key, String value) throws IOException {
    settings.put(key, value);
    writeConf();
    return this;
  }

  void map(String account, String identity) throws IOException {
    Files.writeString(mapFile, account + " " + identity + "\n", StandardOpenOption.APPEND);
  }

  void ban(String identity) throws IOException {
    Files.writeString(banFile, identity + "\n", StandardOpenOption.APPEND);
  }

  /** A proxy stand-in: a 0600 file carrying the identity marker the emulator reads. */
  ProxyCredential proxy(Path file, String identity) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "pilotpool-identity: " + identity + "\nissued " + file.getFileName() + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return new ProxyCredential(file.toString(), identity, List.of("/example/Role=NULL/Capability=NULL"), Instant.parse("2030-01-01T00:00:00Z"));
  }

  ProxyCredential userProxy() throws IOException {
    return proxy(root.resolve("proxies/user.pem"), USER_DN);
  }

  ProxyCredential pilotProxy() throws IOException {
    return proxy(root.resolve("proxies/pilot.pem"), PILOT_DN);
  }

  /** A sandbox directory the pool accounts may enter and write, as the starter's would be after SETUP. */
  Path openSandbox(String name) throws IOException {
    Path dir = Files.createDirectory(execute.resolve(name));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    return dir;
  }

  RealGlexecConfig config(Executor executor, Duration timeout, RealGlexecConfig.Flavour flavour) {
    return RealGlexecConfig.of(glexec, timeout, flavour, executor)
        .withExtraEnvironment(Map.of("GLEXEC_EMU_CONF", conf.toString(), "PILOTPOOL_TEST_MARKER", "wiped-by-glexec"));
  }

  RealGlexecConfig config(Executor executor) {
    return config(executor, Duration.ofSeconds(60), RealGlexecConfig.Flavour.OSG);
  }

  /** The environment the emulator received on its latest call. */
  Map<String, String> receivedEnvironment() throws IOException {
    return parseEnv(envDump);
  }

  static Map<String, String> parseEnv(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }

  /** A long sleep running as the pool account (as root) or as the caller, for KILL to hit. */
  static Process sleeperOwnedBy(String account) {
    List<String> argv =
        PoolAccounts.runningAsRoot()
            ? List.of("setpriv", "--reuid=" + PoolAccounts.uidOf(account), "--regid=" + PoolAccounts.gidOf(account),
                "--init-groups", "--", "sleep", "600")
            : List.of("sleep", "600");
    try {
      return new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Dead, or a zombie nobody has reaped yet (which can no longer run or be killed). */
  static boolean isGone(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return true;
    }
    String text;
    try {
      text = Files.readString(stat);
    } catch (IOException e) {
      return true;
    }
    char state = text.charAt(text.lastIndexOf(')') + 2);
    return state == 'Z' || state == 'X';
  }

  static boolean waitGone(long pid) throws IOException, InterruptedException {
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().completeOnTimeout(h, 20, TimeUnit.SECONDS).join());
    return isGone(pid);
  }

  private void writeConf() throws IOException {
    StringBuilder text = new StringBuilder();
    settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(conf, text.toString());
  }

  /** A stand-in binary in the site's directory with the given shell script body. */
  Path fakeGlexec(String name, String body) throws IOException {
    Path file = root.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
