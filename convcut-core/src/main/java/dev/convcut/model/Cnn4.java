package dev.convcut.model;

import java.util.List;

/** The paper's four-layer CNN: conv32-conv32-pool-conv64-conv64-pool-fc512-fc, ReLU, dropout 0.25/0.25/0.5. */
final class Cnn4 implements ZooArchitecture {
  @Override
  public String name() {
    return "cnn4";
  }

  @Override
  public String description() {
    return "the paper's four-layer CNN (4 convolutions, 2 linear layers)";
  }

  @Override
  public int minSize(Stem stem) {
    return 4;
  }

  @Override
  public List<Stage> stages(ModelSpec spec, LayerFactory f) {
    int s = spec.size();
    int h = s / 2;
    int q = s / 4;
    Conv2d c0 = f.conv("features.0", ConvSpec.square(spec.channels(), 32, 3, 1, 1, true), s, s);
    Conv2d c2 = f.conv("features.2", ConvSpec.square(32, 32, 3, 1, 1, true), s, s);
    Conv2d c6 = f.conv("features.6", ConvSpec.square(32, 64, 3, 1, 1, true), h, h);
    Conv2d c8 = f.conv("features.8", ConvSpec.square(64, 64, 3, 1, 1, true), h, h);
    Linear fc1 = f.linear("classifier.1", 64 * q * q, 512);
    Linear fc2 = f.linear("classifier.4", 512, spec.classes());
    Module relu = new Relu();
    Module pool = new MaxPool2d(2, 2, 0);
    return List.of(
        new SequentialStage("features.0-1", List.of(c0, relu)),
        new SequentialStage("features.2-5", List.of(c2, relu, pool, new Dropout(0.25))),
        new SequentialStage("features.6-7", List.of(c6, relu)),
        new SequentialStage("features.8-11", List.of(c8, relu, pool, new Dropout(0.25))),
        new SequentialStage("classifier.0-3", List.of(new Flatten(), fc1, relu, new Dropout(0.5))),
        new SequentialStage("classifier.4", List.of(fc2)));
  }
}
