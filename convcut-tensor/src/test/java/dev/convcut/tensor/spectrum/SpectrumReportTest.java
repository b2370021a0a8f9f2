package dev.convcut.tensor.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.tensor.Cut;
import dev.convcut.tensor.CutSpectrum;
import dev.convcut.tensor.CutSvd;
import dev.convcut.tensor.Kernel;
import dev.convcut.tensor.TestKernels;
import dev.convcut.tensor.linalg.DecompositionException;
import dev.convcut.tensor.linalg.LapackSvd;
import dev.convcut.tensor.linalg.Matrix;
import dev.convcut.tensor.linalg.Svd;
import dev.convcut.tensor.linalg.ThinSvd;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpectrumReportTest {
  private final Random rng = new Random(121);

  private Map<String, Kernel> kernels() {
    Map<String, Kernel> k = new LinkedHashMap<>();
    k.put("conv1", TestKernels.gaussian(rng, 8, 3, 3, 3));
    k.put("conv2", TestKernels.gaussian(rng, 16, 8, 1, 1));
    k.put("fc", TestKernels.gaussian(rng, 10, 16));
    return k;
  }

  /** Counts values-only decompositions. */
  private static final class CountingSvd implements Svd {
    final AtomicInteger values = new AtomicInteger();

    @Override
    public double[] values(Matrix a) {
      values.incrementAndGet();
      return LapackSvd.DOUBLE.values(a);
    }

    @Override
    public ThinSvd thin(Matrix a) {
      throw new AssertionError("a spectrum needs no singular vectors");
    }

    @Override
    public String name() {
      return "counting";
    }
  }

  @Test
  void everyNonTrivialCutIsReportedAndEachDistinctMatrixDecomposedOnce() {
    CountingSvd counting = new CountingSvd();
    SpectrumReport r = SpectrumReport.compute(kernels(), counting, 1);
    assertThat(r.layers()).extracting(LayerSpectrum::layer).containsExactly("conv1", "conv2", "fc");
    assertThat(r.layer("conv1").cuts()).hasSize(7);
    LayerSpectrum oneByOne = r.layer("conv2");
    assertThat(oneByOne.cuts()).extracting(CutEntry::cut).containsExactly(Cut.O_IHW, Cut.OHW_I, Cut.OH_IW, Cut.OW_IH);
    assertThat(oneByOne.cuts()).extracting(CutEntry::sameAs).containsExactly(null, Cut.O_IHW, Cut.O_IHW, Cut.O_IHW);
    assertThat(oneByOne.entry(Cut.OIH_W)).isEmpty();
    assertThat(r.layer("fc").cuts()).extracting(CutEntry::cut).containsExactly(Cut.O_I);
    // 7 + 1 + 1 distinct matrices.
    assertThat(counting.values).hasValue(9);
    assertThat(r.svd()).isEqualTo("counting");
  }

  @Test
  void valuesAndEntropiesAreThoseOfTheCutsOwnSpectrum() {
    Map<String, Kernel> k = kernels();
    SpectrumReport r = SpectrumReport.compute(k);
    for (Cut c : Cut.fourIndex()) {
      CutEntry e = r.layer("conv1").entry(c).orElseThrow();
      // Values-only and thin gesdd round differently in the last bits.
      var expected = new CutSpectrum(c, c.rows(k.get("conv1")), c.cols(k.get("conv1")),
          Svd.standard().values(c.matricize(k.get("conv1"))));
      assertThat(e.singularValues()).containsExactly(expected.values());
      assertThat(e.entropies()).isEqualTo(expected.entropies());
      double[] thin = CutSvd.of(k.get("conv1"), c).spectrum().values();
      for (int j = 0; j < thin.length; j++) {
        assertThat(e.singularValues()[j]).isCloseTo(thin[j], within(1e-12 * thin[0]));
      }
      assertThat(e.numericalRank()).isEqualTo(expected.numericalRank());
      assertThat(e.rows()).isEqualTo(c.rows(k.get("conv1")));
    }
    assertThat(r.layer("conv1").norm()).isEqualTo(k.get("conv1").norm());
  }

  @Test
  void twoThreadsGiveExactlyWhatOneGives() {
    Map<String, Kernel> k = kernels();
    SpectrumReport one = SpectrumReport.compute(k, Svd.standard(), 1);
    SpectrumReport two = SpectrumReport.compute(k, Svd.standard(), 2);
    for (LayerSpectrum l : one.layers()) {
      for (CutEntry e : l.cuts()) {
        assertThat(two.layer(l.layer()).entry(e.cut()).orElseThrow().singularValues()).containsExactly(e.singularValues());
      }
    }
  }

  @Test
  void aFailingDecompositionNamesItsLayerAndCut() {
    Svd failing = new Svd() {
      @Override
      public double[] values(Matrix a) {
        throw new DecompositionException("LAPACK dgesdd did not converge");
      }

      @Override
      public ThinSvd thin(Matrix a) {
        throw new AssertionError();
      }

      @Override
      public String name() {
        return "failing";
      }
    };
    Map<String, Kernel> one = Map.of("features.3", TestKernels.gaussian(rng, 4, 2, 1, 1));
    assertThatThrownBy(() -> SpectrumReport.compute(one, failing, 2))
        .isInstanceOf(DecompositionException.class)
        .hasMessageContaining("layer features.3, cut o|ihw: LAPACK dgesdd did not converge");
  }

  @Test
  void askingForAnUnknownLayerListsTheLayers() {
    SpectrumReport r = SpectrumReport.compute(kernels());
    assertThatThrownBy(() -> r.layer("conv9")).hasMessageContaining("no layer 'conv9'").hasMessageContaining("[conv1, conv2, fc]");
    assertThatThrownBy(() -> SpectrumReport.compute(kernels(), Svd.standard(), 0)).hasMessageContaining("threads must be ≥ 1");
  }
}
