package org.pilotpool.model.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;

class AdTextFormatTest {

  /** Lines as condor_q -l prints them. */
  static final String JOB_TEXT = String.join("\n",
      "# a job ad",
      "MyType = \"Job\"",
      "ClusterId = 1234",
      "ProcId = 0",
      "Owner = \"alice\"",
      "JobStatus = 1",
      "RequestCpus = 1",
      "RequestMemory = ifthenelse(MemoryUsage =!= undefined,MemoryUsage,(ImageSize + 1023) / 1024)",
      "ImageSize = 2048000",
      "Rank = 0.0",
      "RemoteUserCpu = 1.5E-05",
      "x509userproxysubject = \"/DC=org/DC=cilogon/C=US/O=Fermilab/CN=Alice\"",
      "Cmd = \"C:\\path\\to\\job.exe\"",
      "Args = \"say \\\"hi\\\" now\"",
      "Requirements = (TARGET.Arch == \"X86_64\") && (TARGET.OpSys == \"LINUX\") && "
          + "(TARGET.Memory >= RequestMemory) && (TARGET.Cpus >= RequestCpus)",
      "");

  @Test
  void parsesEveryLineIntoAnOrderedAdSkippingComments() {
    ClassAd ad = ClassAd.parse("job.ad", JOB_TEXT);
    assertEquals(14, ad.size());
    assertEquals("MyType", ad.names().get(0));
    assertEquals(Value.of("alice"), ad.evaluate("owner"));
    assertEquals(Value.of(2000), ad.evaluate("RequestMemory"));
    assertEquals(Value.of(1.5e-5), ad.evaluate("RemoteUserCpu"));
  }

  @Test
  void oldSyntaxStringsKeepBackslashesAndUnescapeOnlyQuotes() {
    ClassAd ad = ClassAd.parse("job.ad", JOB_TEXT);
    assertEquals(Value.of("C:\\path\\to\\job.exe"), ad.evaluate("Cmd"));
    assertEquals(Value.of("say \"hi\" now"), ad.evaluate("Args"));
  }

  @Test
  void stringEndingInBackslashSurvivesTheOldEscaping() {
    ClassAd ad = ClassAd.parse("dir.ad", "Iwd = \"C:\\work\\\"\n");
    assertEquals(Value.of("C:\\work\\"), ad.evaluate("Iwd"));
    assertEquals(ad, ClassAd.parse("again", ad.toText()));
  }

  @Test
  void printsTheFormatCondorQLongPrints() {
    ClassAd ad = ClassAd.parse("job.ad", JOB_TEXT);
    String text = ad.toText();
    assertEquals(JOB_TEXT.substring(JOB_TEXT.indexOf('\n') + 1), text);
  }

  @Test
  void parsePrintParseGivesAnEqualAd() {
    ClassAd first = ClassAd.parse("job.ad", JOB_TEXT);
    ClassAd second = ClassAd.parse("printed", first.toText());
    assertEquals(first, second);
    assertEquals(first.toText(), second.toText());
  }

  @Test
  void roundTripKeepsStringsWithQuotesAndBackslashesAndSpecialReals() {
    ClassAd ad = new ClassAd()
        .set("Quote", "a \"quoted\" word")
        .set("Path", "\\\\server\\share\\")
        .set("Big", 1.0e300)
        .set("Small", -2.5e-7)
        .set("Whole", 3.0)
        .insert("List", "{ \"a\", 1, TARGET.x, { true } }")
        .insert("Expr", "-(MY.a + 2) * 3 >= 7 ? b[0] : c ?: 'odd name'");
    ClassAd again = ClassAd.parse("printed", ad.toText());
    assertEquals(ad, again);
    assertEquals(Value.of(3.0), again.evaluate("Whole"));
  }

  @Test
  void realsPrintLikeCPercentG() {
    ClassAd ad = new ClassAd().set("A", 3.0).set("B", 0.1).set("C", 1.0e20).set("D", 1.0 / 3);
    assertEquals("A = 3.0\nB = 0.1\nC = 1E+20\nD = 0.3333333333333333\n", ad.toText());
  }

  @Test
  void parseAllSplitsAdsOnBlankLines() {
    String text = "Name = \"slot1@wn1\"\nCpus = 1\n\n\nName = \"slot2@wn1\"\nCpus = 2\n";
    List<ClassAd> ads = ClassAd.parseAll("slots.ads", text);
    assertEquals(2, ads.size());
    assertEquals(Value.of(2), ads.get(1).evaluate("Cpus"));
  }

  @Test
  void lineWithoutEqualsNamesFileAndLine() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> ClassAd.parse("job.ad", "Owner = \"alice\"\nJobStatus 1\n"));
    assertEquals("job.ad:2: expected 'Name = expression' with Name a ClassAd attribute name, "
        + "but found 'JobStatus 1'", e.oneLine());
  }

  @Test
  void badExpressionNamesFileLineAttributeAndColumnInTheLine() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> ClassAd.parse("job.ad", "Owner = \"alice\"\nRequirements = Cpus >= 1 &&\n"));
    assertEquals(
        "job.ad:2: Requirements: column 28: expected an expression after '&&'", e.oneLine());
  }

  @Test
  void unterminatedStringInAdIsAnError() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> ClassAd.parse("job.ad", "Owner = \"alice\n"));
    assertEquals("job.ad:1: Owner: column 9: string is not closed with \"", e.oneLine());
  }
}
