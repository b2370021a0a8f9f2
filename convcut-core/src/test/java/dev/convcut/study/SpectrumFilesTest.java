package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convcut.io.Json;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.spectrum.SpectrumReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumFilesTest {
  private static String golden(String name) throws IOException {
    try (InputStream in = SpectrumFilesTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theCsvMatchesTheGoldenFile() throws IOException {
    assertThat(SpectrumFiles.csv(SpectrumFixtures.report())).isEqualTo(golden("spectrum.csv"));
  }

  @Test
  void theJsonMatchesTheGoldenFile() throws IOException {
    assertThat(SpectrumFiles.json(SpectrumFixtures.report())).isEqualTo(golden("singular_values.json"));
  }

  @Test
  void theCsvStartsWithTheColumnsFormatsMdFixes() {
    String header = SpectrumFiles.csv(SpectrumFixtures.report()).lines().findFirst().orElseThrow();
    assertThat(header).startsWith("layer,depth,shape,cut,rows,cols,full_rank,entropy,renyi2,effective_rank,normalized_entropy");
  }

  @Test
  void writingPutsBothFilesInTheDirectoryAndTheyReadBack(@TempDir Path dir) throws IOException {
    Random rng = new Random(5);
    Map<String, Kernel> kernels = new LinkedHashMap<>();
    double[] d = new double[4 * 3 * 3 * 3];
    for (int k = 0; k < d.length; k++) {
      d[k] = rng.nextGaussian();
    }
    kernels.put("conv", Kernel.of(d, 4, 3, 3, 3));
    SpectrumReport report = SpectrumReport.compute(kernels);
    List<Path> files = SpectrumFiles.write(report, dir.resolve("spectrum"));
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("spectrum.csv", "singular_values.json");
    List<String> rows = Files.readAllLines(files.get(0));
    assertThat(rows).hasSize(1 + 7);
    assertThat(rows.get(1)).startsWith("conv,0,4x3x3x3,o|ihw,4,27,4,");
    JsonNode root = Json.mapper().readTree(files.get(1).toFile());
    JsonNode values = root.get("layers").get(0).get("cuts").get("oi|hw");
    assertThat(values).hasSize(9);
    assertThat(values.get(0).asDouble()).isEqualTo(report.layer("conv").entry(Cut.OI_HW).orElseThrow().singularValues()[0]);
    try (var listing = Files.list(dir.resolve("spectrum"))) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("spectrum.csv", "singular_values.json");
    }
  }
}
