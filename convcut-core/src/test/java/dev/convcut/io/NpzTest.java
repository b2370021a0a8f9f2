package dev.convcut.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
  @Test
  void eachArrayIsANpyEntryWithAnAlignedHeaderAndLittleEndianData(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a.npz");
    new Npz().add("w", new double[] {1.5, -2, 3, 4, 5, 6}, 1, 2, 3).add("v", new float[] {7, 8}, 2).write(file);
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        names.add(e.getName());
        byte[] bytes = zip.readAllBytes();
        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertThat((10 + headerLength) % 64).isZero();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength).order(ByteOrder.LITTLE_ENDIAN);
        if (e.getName().equals("w.npy")) {
          assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2, 3), }").endsWith("\n");
          assertThat(data.getDouble()).isEqualTo(1.5);
          assertThat(data.getDouble()).isEqualTo(-2);
        } else {
          assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }");
          assertThat(data.getFloat()).isEqualTo(7f);
        }
      }
    }
    assertThat(names).containsExactly("w.npy", "v.npy");
  }

  @Test
  void numpyReadsTheFileBack(@TempDir Path dir) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
    Path file = dir.resolve("b.npz");
    new Npz().add("conv", new double[] {1, 2, 3, 4, 5, 6}, 3, 2).write(file);
    Process p = new ProcessBuilder(python.toString(), "-c",
        "import numpy as np, sys; z = np.load(sys.argv[1]); a = z['conv']; print(a.shape, a.dtype, a[2, 1])", file.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assumeTrue(p.waitFor() == 0 || !out.contains("No module named"), "python3 has no numpy");
    assertThat(out).isEqualTo("(3, 2) float64 6.0");
  }

  @Test
  void badNamesAndShapesAreRefused() {
    assertThatThrownBy(() -> new Npz().add("a/b", new double[1], 1)).hasMessageContaining("'a/b'");
    assertThatThrownBy(() -> new Npz().add("a", new double[1], 1).add("a", new double[1], 1)).hasMessageContaining("already used");
    assertThatThrownBy(() -> new Npz().add("a", new double[5], 2, 3)).hasMessageContaining("5 values do not fill shape (2, 3)");
  }
}
