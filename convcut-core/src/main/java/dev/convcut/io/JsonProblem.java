package dev.convcut.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a JSON file, in words: the field's path ({@code layers.features.0.rank}) and
 * the problem ({@code expected a whole number, got "x"}), or the record constructor's own message,
 * instead of Jackson's, which names Java types and constructors.
 */
final class JsonProblem {
  private JsonProblem() {}

  static String describe(JsonProcessingException e) {
    String at = location(e.getLocation());
    if (!(e instanceof JsonMappingException m)) {
      return "malformed JSON: " + e.getOriginalMessage() + at;
    }
    String field = path(m.getPath());
    String problem = problem(m);
    return (field.isEmpty() ? "" : "field " + field + ": ") + problem + at;
  }

  private static String problem(JsonMappingException m) {
    if (m instanceof ValueInstantiationException && m.getCause() != null && m.getCause().getMessage() != null) {
      return m.getCause().getMessage();
    }
    if (m instanceof UnrecognizedPropertyException u) {
      return "unknown field" + (u.getKnownPropertyIds() == null ? "" : " (known: " + u.getKnownPropertyIds() + ")");
    }
    if (m instanceof InvalidFormatException f) {
      return "expected " + kind(f.getTargetType()) + ", got " + quoted(f.getValue());
    }
    if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return "expected " + kind(mi.getTargetType());
    }
    Throwable cause = m.getCause();
    return cause != null && cause.getMessage() != null && cause != m ? cause.getMessage() : m.getOriginalMessage();
  }

  /** The reference chain as a dotted path with list indices: {@code layers.features.0.factors[1]}. */
  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String kind(Class<?> t) {
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class || t == Short.class) {
      return "a whole number";
    }
    if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      return "a number";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "true or false";
    }
    if (t == String.class || CharSequence.class.isAssignableFrom(t)) {
      return "a string";
    }
    if (t.isArray() || Collection.class.isAssignableFrom(t)) {
      return "a list";
    }
    if (t.isEnum()) {
      return "one of " + List.of(t.getEnumConstants());
    }
    return Map.class.isAssignableFrom(t) || !t.isPrimitive() ? "an object" : t.getSimpleName();
  }

  private static String kind(JavaType t) {
    return kind(t.getRawClass());
  }

  private static String quoted(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  private static String location(JsonLocation at) {
    return at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
