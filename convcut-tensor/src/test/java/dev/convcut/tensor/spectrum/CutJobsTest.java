package dev.convcut.tensor.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.linalg.DecompositionException;
import dev.convcut.tensor.linalg.Lapack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CutJobsTest {
  private static Map<String, Kernel> kernels() {
    Map<String, Kernel> k = new LinkedHashMap<>();
    k.put("a", Kernel.zeros(4, 3, 3, 3));
    k.put("b", Kernel.zeros(8, 4, 1, 1));
    return k;
  }

  @Test
  void allListsEveryNonTrivialCutAndDistinctOneOfEachCoincidingSet() {
    assertThat(CutJobs.all(kernels())).hasSize(7 + 4);
    List<CutJobs.Job> distinct = CutJobs.distinct(kernels());
    assertThat(distinct).hasSize(7 + 1);
    assertThat(distinct.get(7).layer()).isEqualTo("b");
    assertThat(distinct.get(7).cut()).isEqualTo(Cut.O_IHW);
  }

  @Test
  void resultsComeBackInJobOrderWhateverTheThreads() {
    List<CutJobs.Job> jobs = CutJobs.all(kernels());
    List<String> expected = jobs.stream().map(j -> j.layer() + j.cut()).toList();
    for (int threads : new int[] {1, 2, 3}) {
      assertThat(CutJobs.run(jobs, j -> j.layer() + j.cut(), threads)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void parallelRunsHoldOpenBlasToOneThreadAndRestoreIt() {
    int before = Lapack.threads();
    List<Integer> seen = CutJobs.run(CutJobs.all(kernels()), j -> Lapack.threads(), 2);
    assertThat(seen).containsOnly(1);
    assertThat(Lapack.threads()).isEqualTo(before);
  }

  @Test
  void aFailureNamesItsLayerAndCut() {
    assertThatThrownBy(() -> CutJobs.run(CutJobs.all(kernels()), j -> {
      if (j.layer().equals("b")) {
        throw new DecompositionException("no convergence");
      }
      return 0;
    }, 2)).hasMessageContaining("layer b, cut o|ihw: no convergence");
    assertThatThrownBy(() -> CutJobs.run(List.of(), j -> 0, 0)).hasMessageContaining("threads must be ≥ 1, got 0");
  }
}
