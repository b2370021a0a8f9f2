package dev.convcut.tensorize.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convcut.tensor.Cut;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSensitivityTest {
  static Candidate candidate(Method m, int... ranks) {
    return new Candidate(Factorizer.standard().factorize(CandidateGridTest.layer(16, 12, 3, 1), m, RankRequest.ranks(ranks)));
  }

  static Path sweep(Path dir) throws Exception {
    Path f = dir.resolve("sweep.csv");
    Files.writeString(f, """
        layer,depth,shape,cut,level,rank,full_rank,kept_fraction,norm_loss,rel_error,discarded,top1,top5,loss,delta_top1,dense_params,factorized_params,eval_samples
        ,,,,baseline,,,,0,0,0,0.9,1,0.3,0,,,100
        l,0,16x12x3x3,o|ihw,keep0.5,8,16,0.5,0.1,0.4,0.16,0.88,1,0.35,-2,1728,1000,100
        l,0,16x12x3x3,ow|ih,rank2,2,36,0.05,0.3,0.6,0.36,0.7,1,0.9,-20,1728,300,100
        """);
    return f;
  }

  @Test
  void singleCutCandidatesAtSweptRanksTakeTheSweepsDelta(@TempDir Path tmp) throws Exception {
    SweepSensitivity s = SweepSensitivity.read(sweep(tmp));
    assertThat(s.size()).isEqualTo(2);
    Candidate hit = candidate(Method.svd(Cut.O_IHW), 8);
    Candidate transposed = candidate(Method.svd(Cut.OW_IH), 2);
    Candidate otherRank = candidate(Method.svd(Cut.O_IHW), 4);
    Candidate tucker = candidate(Method.TUCKER2, 4, 4);
    Map<Candidate, Double> d = s.deltas("l", List.of(hit, transposed, otherRank, tucker));
    assertThat(d).containsOnlyKeys(hit, transposed);
    assertThat(d.get(hit)).isEqualTo(-2.0);
    assertThat(d.get(transposed)).isEqualTo(-20.0);
    assertThat(s.deltas("other", List.of(hit))).isEmpty();
  }

  @Test
  void theFallbackAnswersWhatTheSweepDoesNotKnow(@TempDir Path tmp) throws Exception {
    Candidate hit = candidate(Method.svd(Cut.O_IHW), 8);
    Candidate tucker = candidate(Method.TUCKER2, 4, 4);
    SensitivityTable fallback = new SensitivityTable() {
      @Override
      public Map<Candidate, Double> deltas(String layer, List<Candidate> candidates) {
        assertThat(candidates).containsExactly(tucker);
        return Map.of(tucker, -1.5);
      }

      @Override
      public String source() {
        return "measured";
      }
    };
    SensitivityTable both = SweepSensitivity.read(tmp.resolve("x").getParent().resolve(sweep(tmp).getFileName())).orElse(fallback);
    assertThat(both.deltas("l", List.of(hit, tucker))).containsEntry(hit, -2.0).containsEntry(tucker, -1.5);
    assertThat(both.source()).startsWith("sweep ").endsWith(", else measured");
  }
}
