package dev.convcut.study;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation of a global truncation: every layer in {@code ranks} truncated along {@code cut}
 * to its rank at once, the whole network scored. {@code evaluation} is the rows' shared key.
 */
public record GlobalTask(String evaluation, String cut, Map<String, Integer> ranks) implements Serializable {
  public GlobalTask {
    ranks = new LinkedHashMap<>(ranks);
  }

  @Override
  public Map<String, Integer> ranks() {
    return java.util.Collections.unmodifiableMap(ranks);
  }
}
