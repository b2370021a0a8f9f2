package dev.convcut.report.analysis;

import static dev.convcut.report.analysis.Points.epoch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.convcut.report.SyntheticRun;
import dev.convcut.report.data.StudyRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {
  private static final Criteria C = Criteria.defaults();

  @TempDir Path dir;

  /**
   * The synthetic run keeps top-1 within 0.1 point of the baseline up to each layer's threshold
   * and loses 2 points per percent of norm beyond it, so a level is within tolerance exactly when
   * its norm loss is at most the threshold, unless it falls in (threshold, threshold + 0.3%].
   */
  private static double expectedTolerable(SyntheticRun.Layer layer, String cut) {
    double[] s = SyntheticRun.spectrum(layer, cut);
    double best = 0;
    for (int k : SyntheticRun.levels(s.length).values()) {
      double eta = SyntheticRun.normLoss(s, k);
      assertThat(eta <= layer.threshold() || eta > layer.threshold() + 0.003)
          .as("fixture level %s %s rank %d lies in the ambiguous band", layer.name(), cut, k).isTrue();
      if (eta <= layer.threshold()) {
        best = Math.max(best, eta);
      }
    }
    return best;
  }

  @Test
  void onARunWhereDeeperLayersTolerateMoreEveryFindingHeld() {
    Findings f = Analysis.analyze(StudyRun.load(SyntheticRun.write(dir, SyntheticRun.DEEPER_TOLERATE_MORE)), C);
    assertThat(f.layers()).extracting(LayerSummary::layer).containsExactly("features.0", "features.3", "features.6", "features.9");
    for (int i = 0; i < 4; i++) {
      SyntheticRun.Layer layer = SyntheticRun.DEEPER_TOLERATE_MORE.get(i);
      for (String cut : SyntheticRun.cuts(layer)) {
        assertThat(f.layers().get(i).cut(cut).tolerableNormLoss()).as("%s %s", layer.name(), cut)
            .isCloseTo(expectedTolerable(layer, cut), within(1e-12));
      }
    }
    assertThat(f.layers().get(0).cut("ohw|i")).as("a 1-channel input has no ohw|i cut").isNull();
    assertThat(f.depthTrend().rho()).isEqualTo(1.0, within(1e-12));
    assertThat(f.depthTrend().pValue()).isEqualTo(1.0 / 24, within(1e-15));
    assertThat(f.deeperLayers().verdict()).isEqualTo(Verdict.HELD);
    assertThat(f.depthTrendPerCut()).extracting(DepthTrend::cut).containsExactly("o|ihw", "ohw|i", "oiw|h", "oih|w", "oi|hw", "oh|iw", "ow|ih");
    assertThat(f.depthTrendPerCut().get(1).layers()).isEqualTo(3);

    // features.0 tolerates at most 2% and never reaches 5%; the three deeper layers do.
    assertThat(f.layers()).extracting(l -> l.headroom().normLoss() >= 0.05).containsExactly(false, true, true, true);
    assertThat(f.normLoss().verdict()).isEqualTo(Verdict.HELD);
    assertThat(f.normLoss().evidence()).startsWith("3 of 4 layers lost at least 5.0% of their kernel norm with top-1 within 0.5 points");

    assertThat(f.recoveries()).extracting(RunRecovery::epochsToRecover).containsExactly(2, 3);
    assertThat(f.recovery().verdict()).isEqualTo(Verdict.HELD);
    assertThat(f.baselineTop1()).isEqualTo(0.9123);
    assertThat(f.globalHeadroom().level()).isEqualTo("keep0.9");
  }

  @Test
  void onARunWhereDeeperLayersTolerateLessThatFindingDidNotHold() {
    Findings f = Analysis.analyze(StudyRun.load(SyntheticRun.write(dir, SyntheticRun.DEEPER_TOLERATE_LESS)), C);
    assertThat(f.depthTrend().rho()).isEqualTo(-1.0, within(1e-12));
    assertThat(f.deeperLayers().verdict()).isEqualTo(Verdict.DID_NOT_HOLD);
    assertThat(f.normLoss().verdict()).isEqualTo(Verdict.HELD);
  }

  @Test
  void findingsWhoseDataIsMissingAreInconclusiveAndSayWhy() throws Exception {
    SyntheticRun.write(dir, SyntheticRun.DEEPER_TOLERATE_MORE);
    Files.delete(dir.resolve("sweep/sweep.csv"));
    Files.delete(dir.resolve("retrain/retrain.csv"));
    Findings f = Analysis.analyze(StudyRun.load(dir), C);
    assertThat(f.deeperLayers()).isEqualTo(new Finding(Findings.DEEPER_LAYERS, Verdict.INCONCLUSIVE,
        "the run has no layer-wise sweep (sweep.csv)"));
    assertThat(f.recovery()).isEqualTo(new Finding(Findings.RECOVERY, Verdict.INCONCLUSIVE, "the run has no re-training (retrain.csv)"));
    assertThat(f.normLoss().evidence()).startsWith("no layer-wise sweep; judged on the global truncation");
    assertThat(f.normLoss().verdict()).as("the global truncation lost 1.6% mean norm at most, under 5%").isEqualTo(Verdict.DID_NOT_HOLD);
    assertThat(f.depthTrend()).isNull();
    assertThat(f.layers()).isEmpty();
  }

  @Test
  void withoutABaselineRowTheBaselineComesFromRetrainingOrTheSweepRows() throws Exception {
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/sweep.csv"), "layer,depth,cut,level,norm_loss,top1,delta_top1\nf,0,o|ihw,rank1,0.5,0.5,-40\n");
    assertThat(Analysis.baselineTop1(StudyRun.load(dir.resolve("a")))).isCloseTo(0.9, within(1e-12));
    Files.writeString(dir.resolve("a/retrain.csv"), "run,epoch,top1,baseline_top1\nd,0,0.5,0.91\n");
    assertThat(Analysis.baselineTop1(StudyRun.load(dir.resolve("a")))).isEqualTo(0.91);
  }

  @Test
  void normLossWithNeitherSweepNorGlobalIsInconclusive() {
    Finding f = Analysis.normLoss(List.of(), null, false, C);
    assertThat(f.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(f.evidence()).isEqualTo("the run has neither a layer-wise sweep (sweep.csv) nor a global truncation (global.csv)");
  }

  @Test
  void recoveryHeldOnlyWhenEveryRunThatLostAccuracyRecoveredInTime() {
    RunRecovery fast = RunRecovery.of(List.of(epoch("dense", 0, -8), epoch("dense", 1, -0.2)), C);
    RunRecovery never = RunRecovery.of(List.of(epoch("projected", 0, -8), epoch("projected", 3, -2)), C);
    RunRecovery late = RunRecovery.of(List.of(epoch("slow", 0, -8), epoch("slow", 5, 0)), C);
    RunRecovery fine = RunRecovery.of(List.of(epoch("fine", 0, -0.1), epoch("fine", 1, 0)), C);
    assertThat(Analysis.recovery(List.of(fast, fine), C).verdict()).isEqualTo(Verdict.HELD);
    assertThat(Analysis.recovery(List.of(never, late), C).verdict()).isEqualTo(Verdict.DID_NOT_HOLD);
    Finding mixed = Analysis.recovery(List.of(fast, never), C);
    assertThat(mixed.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(mixed.evidence()).isEqualTo("dense: -8.00 -> -0.20 points, recovered at epoch 1; "
        + "projected: -8.00 -> -2.00 points, not recovered in 3 epochs (a few = at most 3 epochs; tolerance 0.5 points)");
    Finding nothing = Analysis.recovery(List.of(fine), C);
    assertThat(nothing.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(nothing.evidence()).startsWith("no run was outside tolerance before re-training");
  }
}
