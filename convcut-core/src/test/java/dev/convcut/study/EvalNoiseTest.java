package dev.convcut.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalNoiseTest {
  @TempDir Path tmp;

  @Test
  void picksTheRowsNearestTheToleranceOneLayerAtATimeAndNeverTheDenseOnes() throws Exception {
    Path csv = tmp.resolve("sweep.csv");
    Files.writeString(csv, """
        layer,cut,level,delta_top1,evaluation
        ,,baseline,0,baseline
        a,o|ihw,keep1.0,0,baseline
        a,o|ihw,keep0.5,-0.45,o|ihw@8
        a,oi|hw,keep0.5,-0.6,oi|hw@4
        a,oh|iw,keep0.5,-0.45,o|ihw@8
        b,o|ihw,keep0.5,-3.0,o|ihw@4
        b,o|ihw,rank1,-9.0,o|ihw@1
        c,o|ihw,keep0.9,-0.5,o|ihw@15
        """);
    // Nearest −0.5 first: c (0), then a (0.05), then b (2.5); then a's other rows in distance order.
    assertThat(EvalNoise.pick(csv, 3, 0.5)).extracting(p -> p.layer() + " " + p.level())
        .containsExactly("c keep0.9", "a keep0.5", "b keep0.5");
    // a's two rows at 0.05 are one evaluation (ties go by cut name, so oh|iw's row stands for both): measured once.
    assertThat(EvalNoise.pick(csv, 10, 0.5)).extracting(p -> p.layer() + " " + p.cut())
        .containsExactly("c o|ihw", "a oh|iw", "b o|ihw", "a oi|hw", "b o|ihw");
    assertThat(EvalNoise.pick(csv, 10, 0.5)).noneMatch(p -> p.evaluation().equals("baseline"));
  }

  @Test
  void aRunThatFindsTheFileSkipsTheStep() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("noise"));
    Files.writeString(out.resolve(EvalNoise.CSV), String.join(",", EvalNoise.COLUMNS) + "\n");
    // No network is needed when the step is already done.
    assertThat(EvalNoise.run(null, null, tmp.resolve("absent.csv"), out, 6, 0.5, 10)).isEqualTo(out.resolve(EvalNoise.CSV));
    assertThat(Files.readAllLines(out.resolve(EvalNoise.CSV))).isEqualTo(List.of(String.join(",", EvalNoise.COLUMNS)));
  }
}
