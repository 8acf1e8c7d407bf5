package org.pilotpool.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;

class ConfigFilesTest {
  private static final Config DEFAULTS = ConfigFactory.parseString("""
      p {
        sites = {}
        sites-template { nodes = 1, authz { workers = 200 } }
        workload = []
        workload-template { user = "", count = 1 }
        free = {}
      }
      """);

  private static String error(String text) {
    return assertThrows(BadInputException.class,
        () -> ConfigFiles.parse(text, "s.conf", DEFAULTS)).oneLine();
  }

  @Test
  void anOpenMapEntryWithAKeyOutsideItsTemplateNamesTheEntryAndTheValidKeys() {
    assertEquals("s.conf:3: p.sites.siteA.nodez: unknown key; valid keys here: authz, nodes",
        error("p.sites {\n  siteA {\n    nodez = 2\n  }\n}"));
  }

  @Test
  void nestedObjectsInsideAnEntryAreCheckedToo() {
    assertEquals("s.conf:1: p.sites.siteA.authz.worker: unknown key; valid keys here: workers",
        error("p.sites.siteA.authz.worker = 3"));
  }

  @Test
  void aListElementWithAKeyOutsideItsTemplateNamesItsIndex() {
    assertEquals("s.conf:3: p.workload[1].cont: unknown key; valid keys here: count, user",
        error("p.workload = [\n  { user = a }\n  { user = b, cont = 2 }\n]"));
  }

  @Test
  void aListElementThatIsNotAnObjectIsRejected() {
    assertEquals("s.conf:1: p.workload[0]: expected an object { ... }, got a number (3)",
        error("p.workload = [3]"));
  }

  @Test
  void aValueOfTheWrongKindInsideAnEntryIsRejected() {
    assertEquals("s.conf:1: p.sites.x.nodes: expected a number, got a list [ ... ] ([1])",
        error("p.sites.x.nodes = [1]"));
  }

  @Test
  void anOpenMapWithoutTemplateTakesAnyKeys() {
    assertEquals(3, ConfigFiles.parse("p.free.anything { x = 3 }", "s.conf", DEFAULTS)
        .getInt("p.free.anything.x"));
  }

  @Test
  void wellFormedEntriesAndElementsPass() {
    Config c = ConfigFiles.parse("p.sites.a.nodes = 4\np.workload = [{ user = a, count = 2 }]",
        "s.conf", DEFAULTS);
    assertEquals(4, c.getInt("p.sites.a.nodes"));
  }
}
