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
import dev.convcut.study.CandidateTask;
import dev.convcut.study.EvalSet;
import dev.convcut.study.GlobalTask;
import dev.convcut.study.LayerTask;
import dev.convcut.study.RemoteEvaluations;
import dev.convcut.tensor.Cut;
import dev.convcut.tensor.Level;
import dev.convcut.tensorize.DenseConv;
import dev.convcut.tensorize.Factorizer;
import dev.convcut.tensorize.Method;
import dev.convcut.tensorize.RankRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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

  @Test
  void candidatesMeasuredAsRemoteTasksGetTheInProcessDeltas() throws Exception {
    Normalization norm = new Normalization(new double[] {0.5}, new double[] {0.25});
    double floor = 0.5; // below dense by a single image (2.5 points) would leave the group
    MeasuredSensitivity inProcess = new MeasuredSensitivity(net, images, new BatchAssembler(images, norm, Augmentation.NONE),
        EvalSubset.draw(images, 40, 1), 16, floor);
    Map<String, List<Candidate>> byLayer = new LinkedHashMap<>();
    byLayer.put("layer1.0.conv1", List.of(candidate("layer1.0.conv1", Method.svd(Cut.O_IHW), RankRequest.ranks(12)),
        candidate("layer1.0.conv1", Method.TUCKER2, RankRequest.ranks(8)),
        candidate("layer1.0.conv1", Method.svd(Cut.O_IHW), RankRequest.ranks(4)),
        candidate("layer1.0.conv1", Method.svd(Cut.O_IHW), RankRequest.ranks(1)),
        candidate("layer1.0.conv1", Method.TUCKER2, RankRequest.ranks(2)),
        candidate("layer1.0.conv1", Method.TT, RankRequest.ranks(1))));
    byLayer.put("layer3.0.conv1", List.of(candidate("layer3.0.conv1", Method.svd(Cut.O_IHW), RankRequest.ranks(16)),
        candidate("layer3.0.conv1", Method.svd(Cut.O_IHW), RankRequest.ranks(2)),
        candidate("layer3.0.conv1", Method.TUCKER2, RankRequest.ranks(8)),
        candidate("layer3.0.conv1", Method.TUCKER2, RankRequest.ranks(1))));
    Map<String, Map<Candidate, Double>> expected = inProcess.deltas(byLayer);

    // The "executor": its own network from the same seed, the subset as the driver ships it.
    try (Network executorNet = ModelZoo.build(net.spec(), manager, 4)) {
      EvalSet eval = EvalSet.of(images, norm, 40, 1);
      SerializingEvaluations remote = new SerializingEvaluations(executorNet, eval);
      MeasuredSensitivity driver = new MeasuredSensitivity(net, eval, 16, floor).on(remote);
      Map<String, Map<Candidate, Double>> got = driver.deltas(byLayer);
      assertThat(got.keySet()).containsExactlyElementsOf(expected.keySet());
      for (String layer : expected.keySet()) {
        assertThat(got.get(layer).keySet()).containsExactlyElementsOf(expected.get(layer).keySet());
        assertThat(got.get(layer)).isEqualTo(expected.get(layer));
      }
      assertThat(driver.evaluations()).isEqualTo(inProcess.evaluations());
      assertThat(remote.tasks).as("5 groups, about two tasks per slot: 2, 1 of layer1.0.conv1, 2 of layer3.0.conv1").isEqualTo(3);
      assertThat(driver.source()).isEqualTo(inProcess.source());
    }
    // This random network's candidates may all stay above the floor; LocalSparkCompressTest (convcut-spark)
    // compares groups left at the floor on a trained cnn4.
  }

  /** Remote evaluations in this JVM: each task serialized and read back as Spark ships it, the last task scored first. */
  static final class SerializingEvaluations implements RemoteEvaluations {
    final Network net;
    final EvalSet eval;
    int tasks;

    SerializingEvaluations(Network net, EvalSet eval) {
      this.net = net;
      this.eval = eval;
    }

    @Override
    public int parallelism() {
      return 2;
    }

    @Override
    public String describe() {
      return "this JVM, serialized";
    }

    @Override
    public Map<String, Object> report() {
      return Map.of();
    }

    @Override
    public void scoreLayers(List<LayerTask> tasks, Sink<LayerTask> sink) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void scoreGlobal(List<GlobalTask> tasks, Sink<GlobalTask> sink) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void scoreCandidates(List<CandidateTask> all, Sink<CandidateTask> sink) {
      tasks += all.size();
      List<CandidateTask> reversed = new ArrayList<>(all);
      Collections.reverse(reversed);
      for (CandidateTask task : reversed) {
        sink.accept(task, MeasuredSensitivity.score(net, eval, 16, roundTrip(task)));
      }
    }

    private static CandidateTask roundTrip(CandidateTask task) {
      try {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
          out.writeObject(task);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
          return (CandidateTask) in.readObject();
        }
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {}
  }
}
