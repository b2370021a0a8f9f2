package dev.convcut.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convcut.tensor.linalg.LapackSvd;
import dev.convcut.tensor.linalg.Matrix;
import dev.convcut.tensor.linalg.Svd;
import dev.convcut.tensor.linalg.ThinSvd;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CutSvdsTest {
  /** Counts the decompositions actually run. */
  static final class CountingSvd implements Svd {
    final AtomicInteger values = new AtomicInteger();
    final AtomicInteger thin = new AtomicInteger();

    @Override
    public double[] values(Matrix a) {
      values.incrementAndGet();
      return LapackSvd.DOUBLE.values(a);
    }

    @Override
    public ThinSvd thin(Matrix a) {
      thin.incrementAndGet();
      return LapackSvd.DOUBLE.thin(a);
    }

    @Override
    public String name() {
      return "counting";
    }
  }

  @Test
  void sweepingEveryLevelDecomposesEachCutOnce() {
    CountingSvd counting = new CountingSvd();
    CutSvds svds = CutSvds.of(TestKernels.gaussian(new Random(31), 8, 6, 3, 3), counting);
    for (Cut cut : Cut.fourIndex()) {
      int r = svds.svd(cut).spectrum().fullRank();
      for (int k = 1; k <= r; k++) {
        svds.svd(cut).truncate(k);
      }
      svds.svd(cut).truncate(Level.keep(0.3));
      svds.spectrum(cut);
    }
    assertThat(counting.thin).hasValue(7);
    assertThat(counting.values).hasValue(0);
    assertThat(svds.decompositions()).isEqualTo(7);
  }

  @Test
  void aOneByOneKernelIsDecomposedOnceForAllItsCoincidingCuts() {
    CountingSvd counting = new CountingSvd();
    CutSvds svds = CutSvds.of(TestKernels.gaussian(new Random(32), 16, 8, 1, 1), counting);
    for (Cut cut : new Cut[] {Cut.O_IHW, Cut.OHW_I, Cut.OH_IW, Cut.OW_IH}) {
      svds.svd(cut).truncate(3);
      assertThat(svds.representativeOf(cut)).isEqualTo(Cut.O_IHW);
    }
    assertThat(counting.thin).hasValue(1);
  }

  @Test
  void spectraUseValuesOnlyUntilVectorsAreKnown() {
    CountingSvd counting = new CountingSvd();
    CutSvds svds = CutSvds.of(TestKernels.gaussian(new Random(33), 4, 3, 3, 3), counting);
    svds.spectrum(Cut.O_IHW);
    svds.spectrum(Cut.O_IHW);
    assertThat(counting.values).hasValue(1);
    svds.svd(Cut.OHW_I);
    svds.spectrum(Cut.OHW_I);
    assertThat(counting.values).hasValue(1);
    assertThat(counting.thin).hasValue(1);
  }

  @Test
  void aCoincidingCutsSpectrumCarriesItsOwnCutAndShape() {
    CutSvds svds = CutSvds.of(TestKernels.gaussian(new Random(34), 1, 4, 3, 5));
    CutSpectrum a = svds.spectrum(Cut.OHW_I);
    CutSpectrum b = svds.spectrum(Cut.OI_HW);
    assertThat(b.cut()).isEqualTo(Cut.OI_HW);
    assertThat(b.rows()).isEqualTo(a.cols());
    assertThat(b.values()).containsExactly(a.values());
  }

  @Test
  void concurrentRequestsForOneCutDecomposeItOnce() throws Exception {
    CountingSvd counting = new CountingSvd();
    CutSvds svds = CutSvds.of(TestKernels.gaussian(new Random(35), 12, 8, 3, 3), counting);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<CutSvd>>();
      for (int n = 0; n < 16; n++) {
        Cut cut = Cut.fourIndex().get(n % 2);
        futures.add(pool.submit(() -> svds.svd(cut)));
      }
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(counting.thin).hasValue(2);
    assertThat(svds.decompositions()).isEqualTo(2);
  }

  @Test
  void aCutOfAnotherOrderIsRefused() {
    CutSvds svds = CutSvds.of(Kernel.zeros(3, 4));
    assertThatThrownBy(() -> svds.spectrum(Cut.OH_IW)).hasMessageContaining("cut oh|iw is for 4-index kernels");
    assertThat(svds.spectrum(Cut.O_I).fullRank()).isEqualTo(3);
  }
}
