package org.pilotpool.model.trace.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.trace.ProblemLog;
import org.pilotpool.model.trace.TraceInput;

/**
 * Streams ads from {@code condor_history -json} output (a JSON array of ad objects) or from
 * {@code -jsonl} (one object per line), one object at a time. HTCondor writes unevaluated
 * expressions as strings {@code "/Expr(...)/"}; they become {@link AdValue.Expression}. Broken
 * JSON stops the read in either policy: after a syntax error there is no reliable next ad.
 */
final class JsonAdReader implements AdSource {
  private static final ObjectMapper TREES = new ObjectMapper();

  private final JsonParser parser;
  private final ProblemLog log;
  private boolean started;
  private boolean finished;
  private JobAd next;

  JsonAdReader(InputStream in, ProblemLog log) {
    this.log = log;
    try {
      this.parser = new JsonFactory().createParser(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next != null || finished) {
      return next != null;
    }
    try {
      JsonToken t = parser.nextToken();
      if (!started) {
        started = true;
        if (t == JsonToken.START_ARRAY) {
          t = parser.nextToken();
        }
      }
      if (t == null || t == JsonToken.END_ARRAY) {
        close();
        return false;
      }
      if (t != JsonToken.START_OBJECT) {
        throw bad("expected a job ad object, found " + t);
      }
      next = readObject();
      log.recordRead();
      return true;
    } catch (JsonProcessingException e) {
      throw bad("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw TraceInput.unreadable(log.source(), parser.currentLocation().getLineNr(), e);
    }
  }

  private JobAd readObject() throws IOException {
    int line = parser.currentLocation().getLineNr();
    Map<String, AdValue> attrs = new LinkedHashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken v = parser.nextToken();
      attrs.put(name, switch (v) {
        case VALUE_STRING -> string(parser.getText());
        case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? new AdValue.Real(parser.getDoubleValue()) : new AdValue.Int(parser.getLongValue());
        case VALUE_NUMBER_FLOAT -> new AdValue.Real(parser.getDoubleValue());
        case VALUE_TRUE -> new AdValue.Bool(true);
        case VALUE_FALSE -> new AdValue.Bool(false);
        case VALUE_NULL -> new AdValue.Undefined();
        default -> new AdValue.Expression(TREES.readTree(parser).toString());
      });
    }
    return new JobAd(attrs, line);
  }

  private static AdValue string(String s) {
    if (s.startsWith("/Expr(") && s.endsWith(")/")) {
      return new AdValue.Expression(s.substring(6, s.length() - 2));
    }
    return new AdValue.Str(s);
  }

  private BadInputException bad(String why) {
    return new BadInputException(log.source(), parser.currentLocation().getLineNr(), null, why);
  }

  @Override
  public JobAd next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    JobAd ad = next;
    next = null;
    return ad;
  }

  @Override
  public void close() {
    finished = true;
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
