package dev.convcut.tensorize.select;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.convcut.data.Augmentation;
import dev.convcut.data.BatchAssembler;
import dev.convcut.data.EvalSubset;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;
import dev.convcut.engine.Torch;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Level;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MeasuredSensitivityTest {
  static NDManager manager;
  static Network net;
  static ImageSet images;

  @BeforeAll
  static void start() {
    Torch.configure(2);
    manager = NDManager.newBaseManager();
    net = ModelZoo.build(new ModelSpec("resnet20", 1, 8, 10), manager, 4);
    images = random(60);
  }

  @AfterAll
  static void stop() {
    net.close();
    manager.close();
  }

  static ImageSet random(int n) {
    Random r = new Random(9);
    byte[] px = new byte[n * 64];
    r.nextBytes(px);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(10);
    }
    return new ImageSet("synthetic", "train", 1, 8, 8, Collections.nCopies(10, "c"), px, labels);
  }

  static MeasuredSensitivity sensitivity(Network network) {
    return sensitivity(network, images);
  }

  static MeasuredSensitivity sensitivity(Network network, ImageSet images) {
    return new MeasuredSensitivity(network, images, new BatchAssembler(images, new Normalization(new double[] {0.5},
        new double[] {0.25}), Augmentation.NONE), EvalSubset.draw(images, 40, 1), 16, 15);
  }

  static Candidate candidate(String layer, Method m, RankRequest r) {
    return new Candidate(Factorizer.standard().factorize(DenseConv.of(net, layer), m, r));
  }

  @Test
  void aFullRankCandidateCostsNothingAndTheTrainedWeightIsRestored() {
    MeasuredSensitivity s = sensitivity(net);
    float[] trained = net.weight("layer2.0.conv2");
    Candidate full = candidate("layer2.0.conv2", Method.svd(Cut.O_IHW), RankRequest.level(Level.keep(1.0)));
    Candidate low = candidate("layer2.0.conv2", Method.svd(Cut.O_IHW), RankRequest.ranks(1));
    Map<Candidate, Double> d = s.deltas("layer2.0.conv2", List.of(full, low));
    assertThat(d.get(full)).isEqualTo(0.0);
    assertThat(d).containsKey(low);
    assertThat(net.weight("layer2.0.conv2")).containsExactly(trained);
    assertThat(s.evaluations()).isEqualTo(2);
    assertThat(s.source()).contains("40 of 60 images");
  }

  @Test
  void theCombinedMeasurementRestoresEveryLayer() {
    MeasuredSensitivity s = sensitivity(net);
    double base = s.baselineTop1();
    float[] a = net.weight("layer1.0.conv1");
    Candidate c1 = candidate("layer1.0.conv1", Method.TUCKER2, RankRequest.ranks(1));
    Candidate c2 = candidate("layer3.0.conv1", Method.TT, RankRequest.ranks(1));
    double both = s.top1With(Map.of("layer1.0.conv1", c1.factorized().reconstruction(), "layer3.0.conv1",
        c2.factorized().reconstruction()));
    assertThat(both).isBetween(0.0, 1.0);
    assertThat(net.weight("layer1.0.conv1")).containsExactly(a);
    assertThat(s.top1With(Map.of())).isEqualTo(base);
  }
}
