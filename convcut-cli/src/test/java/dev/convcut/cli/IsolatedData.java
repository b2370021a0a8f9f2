package dev.convcut.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Points this JVM's dataset search at a temporary folder for one test: {@code user.home} (hence
 * the cache), and the {@code convcut.data} / {@code convcut.data.mirror} properties that stand in
 * for {@code $CONVCUT_DATA} and {@code $CONVCUT_DATA_MIRROR}. {@link #close()} restores them.
 */
final class IsolatedData implements AutoCloseable {
  private static final String[] KEYS = {"user.home", "convcut.data", "convcut.data.mirror"};
  private final Map<String, String> saved = new HashMap<>();

  IsolatedData(Path home, Path dataRoot, String mirror) {
    for (String key : KEYS) {
      saved.put(key, System.getProperty(key));
    }
    set("user.home", home.toString());
    set("convcut.data", dataRoot == null ? null : dataRoot.toString());
    set("convcut.data.mirror", mirror);
  }

  private static void set(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Override
  public void close() {
    saved.forEach(IsolatedData::set);
  }
}
