package dev.convcut.spark;

import dev.convcut.io.Hashing;
import dev.convcut.study.LayerVariants;
import dev.convcut.study.TaskScoring;
import dev.convcut.study.VariantScoring;
import dev.convcut.tensor.CutSvds;
import dev.convcut.tensorize.select.MeasuredSensitivity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Identifies the code that decides a sweep's numbers (the planning, truncation and scoring
 * classes, compress's candidate measurement, and this module's executor side) by the SHA-256 of their class files, so a driver and
 * executors that run different convcut builds are told apart before any row is written.
 */
final class CodeFingerprint {
  private static final List<Class<?>> CLASSES = List.of(LayerVariants.class, VariantScoring.class, TaskScoring.class, CutSvds.class,
      MeasuredSensitivity.class, ExecutorState.class);
  private static volatile String value;

  private CodeFingerprint() {}

  static String get() {
    if (value == null) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (Class<?> c : CLASSES) {
        String resource = c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException("class file " + resource + " is not readable from " + c.getClassLoader());
          }
          all.write(in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      value = Hashing.sha256(all.toByteArray()).substring(0, 16);
    }
    return value;
  }
}
