package dev.convcut.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.convcut.ConvcutException;
import dev.convcut.WithEngine;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightFilesTest extends WithEngine {
  @TempDir Path tmp;

  private Path written(NDManager m, WeightFormat format, String name) {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    arrays.put("conv.weight", m.arange(0f, 4096f).reshape(new Shape(16, 16, 4, 4)));
    arrays.put("conv.bias", m.arange(0f, 16f));
    arrays.put("fc.weight", m.arange(0f, 2048f).reshape(new Shape(16, 128)));
    Path file = tmp.resolve(name);
    WeightFiles.write(file, arrays, format);
    return file;
  }

  private static void cutTo(Path file, long size) throws Exception {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }

  @Test
  void aWholeNpzReadsBackEveryArrayByName() {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = written(m, WeightFormat.NPZ, "w.npz");
      Map<String, NDArray> back = WeightFiles.read(file, m);
      assertThat(back.keySet()).containsExactly("conv.weight", "conv.bias", "fc.weight");
      assertThat(back.get("conv.bias").toFloatArray()).hasSize(16).startsWith(0f, 1f, 2f);
    }
  }

  @Test
  void anNpzCutShortIsRefusedWithTheByteItEndsAtAndTheArrayItCutsIn() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Path whole = written(m, WeightFormat.NPZ, "whole.npz");
      long size = Files.size(whole);
      // Inside the first array's data, just before the ZIP directory, and in the middle.
      for (long at : new long[] {100, size - 30, size / 2}) {
        Path file = tmp.resolve("cut-" + at + ".npz");
        Files.copy(whole, file);
        cutTo(file, at);
        assertThatThrownBy(() -> WeightFiles.read(file, m)).as("cut at " + at).isInstanceOf(ConvcutException.class)
            .hasMessageStartingWith(file + ": cut short at byte " + at + " (")
            .hasMessageContaining("a whole npz file ends with its ZIP directory");
      }
      Path file = tmp.resolve("cut-early.npz");
      Files.copy(whole, file);
      cutTo(file, 100);
      assertThatThrownBy(() -> WeightFiles.read(file, m)).hasMessageContaining("inside array conv.weight");
    }
  }

  @Test
  void aSafetensorsFileCutShortNamesTheByteAndTheSizeItShouldHave() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = written(m, WeightFormat.SAFETENSORS, "w.safetensors");
      long size = Files.size(file);
      cutTo(file, size - 7);
      assertThatThrownBy(() -> WeightFiles.read(file, m)).isInstanceOf(ConvcutException.class)
          .hasMessageStartingWith(file + ": cut short at byte " + (size - 7) + " of " + size);
    }
  }
}
