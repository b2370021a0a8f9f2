package dev.convcut.study;

import ai.djl.ndarray.NDManager;
import dev.convcut.data.ImageSet;
import dev.convcut.data.Normalization;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.train.Synthetic;
import java.util.List;

/** Tiny networks and evaluation sets for the study's tests: cnn4 and resnet20 on 8×8 one-channel images of 3 classes. */
final class StudyFixtures {
  static final ModelSpec CNN4 = new ModelSpec("cnn4", 1, 8, 3);
  static final ModelSpec RESNET20 = new ModelSpec("resnet20", 1, 8, 3);
  static final ImageSet TEST = Synthetic.bands("test", 40, 3, 1, 8, 2);

  private StudyFixtures() {}

  static Network network(NDManager manager, ModelSpec spec, long seed) {
    return ModelZoo.build(spec, manager, seed);
  }

  static EvalSet eval(int samples) {
    return EvalSet.of(TEST, new Normalization(new double[] {0.5}, new double[] {0.5}), samples, 7);
  }

  static Grid grid(String cuts, String levels) {
    return Grid.parse(cuts, levels);
  }

  static List<String> conv(Network net) {
    return LayerKernels.convLayers(net);
  }
}
