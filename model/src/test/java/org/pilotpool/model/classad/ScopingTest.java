package org.pilotpool.model.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopingTest {

  private final ClassAd job = new ClassAd()
      .set("Owner", "alice")
      .set("Memory", 100)
      .set("RequestMemory", 2048);
  private final ClassAd slot = new ClassAd()
      .set("Memory", 4096)
      .set("Cpus", 8)
      .insert("HalfMemory", "Memory / 2");

  private Value evalInJob(String expression) {
    return Expr.parse("test", expression).evaluate(job, slot);
  }

  @Test
  void myScopeReadsOnlyTheMyAd() {
    assertEquals(Value.of(100), evalInJob("MY.Memory"));
    assertEquals(Value.UNDEFINED, evalInJob("MY.Cpus"));
  }

  @Test
  void targetScopeReadsOnlyTheTargetAd() {
    assertEquals(Value.of(4096), evalInJob("TARGET.Memory"));
    assertEquals(Value.UNDEFINED, evalInJob("TARGET.Owner"));
  }

  @Test
  void unscopedReferenceLooksInMyFirst() {
    assertEquals(Value.of(100), evalInJob("Memory"));
  }

  @Test
  void unscopedReferenceFallsBackToTarget() {
    assertEquals(Value.of(8), evalInJob("Cpus"));
  }

  @Test
  void attributeMissingEverywhereIsUndefined() {
    assertEquals(Value.UNDEFINED, evalInJob("NoSuchThing"));
  }

  @Test
  void attributeNamesAndScopesAreCaseInsensitive() {
    assertEquals(Value.of(4096), evalInJob("target.MEMORY"));
    assertEquals(Value.of("alice"), evalInJob("my.owner"));
    assertEquals(Value.of(2048), evalInJob("requestmemory"));
  }

  @Test
  void targetAttributeIsEvaluatedInTheTargetsOwnScope() {
    // slot.HalfMemory = Memory / 2 must see the slot's Memory, not the job's
    assertEquals(Value.of(2048), evalInJob("TARGET.HalfMemory"));
    assertEquals(Value.of(2048), evalInJob("HalfMemory"));
  }

  @Test
  void missingTargetAdMakesTargetReferencesUndefined() {
    assertEquals(Value.UNDEFINED, Expr.parse("test", "TARGET.Cpus").evaluate(job, null));
  }

  @Test
  void circularDefinitionIsError() {
    ClassAd ad = new ClassAd().insert("A", "B + 1").insert("B", "A * 2");
    assertEquals(Value.ERROR, ad.evaluate("A"));
  }

  @Test
  void selfReferenceThatDoublesIsErrorWithoutExponentialWork() {
    ClassAd ad = new ClassAd().insert("A", "A + A");
    assertEquals(Value.ERROR, ad.evaluate("A"));
  }

  @Test
  void insertReplacesAnAttributeWhateverItsCase() {
    ClassAd ad = new ClassAd().set("Cpus", 1).set("CPUS", 2);
    assertEquals(1, ad.size());
    assertEquals(Value.of(2), ad.evaluate("cpus"));
  }

  @Test
  void aLiteralIsAConstantAndAnExpressionIsNot() {
    assertEquals(Optional.of(Value.of(4096)), slot.lookup("memory").constant());
    assertEquals(Optional.empty(), slot.lookup("HalfMemory").constant());
    assertEquals(Value.of(2048), slot.evaluate("HALFMEMORY"));
  }
}
