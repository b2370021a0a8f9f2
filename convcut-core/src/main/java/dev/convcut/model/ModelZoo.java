package dev.convcut.model;

import ai.djl.ndarray.NDManager;
import dev.convcut.model.graph.GraphNetworks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds convcut's architectures exactly as the PyTorch reference definitions do (the names and
 * shapes of torchvision's {@code state_dict}): {@code cnn4}, {@code resnet20}, and torchvision's
 * {@code resnet18}, {@code resnet34}, {@code resnet50}; an imported graph ({@link ModelSpec#graph()}) is built
 * by {@link GraphNetworks}.
 */
public final class ModelZoo {
  private ModelZoo() {}

  /** A freshly initialized dense network. */
  public static Network build(ModelSpec spec, NDManager parent, long seed) {
    return build(spec, Map.of(), parent, seed);
  }

  /**
   * A freshly initialized network whose convolutions named in {@code forms} take those forms.
   * The network's arrays live in a new sub-manager of {@code parent}, closed with the network.
   */
  public static Network build(ModelSpec spec, Map<String, LayerForm> forms, NDManager parent, long seed) {
    if (spec.imported()) {
      return GraphNetworks.build(spec, forms, parent, seed);
    }
    NDManager manager = parent.newSubManager();
    try {
      boolean torchvision = spec.model().startsWith("resnet") && !spec.model().equals("resnet20");
      LayerFactory f = new LayerFactory(new Init(manager, seed), forms, torchvision);
      List<Stage> stages = switch (spec.model()) {
        case "cnn4" -> cnn4(spec, f);
        case "resnet20" -> resnet(spec, f, 16, new int[] {3, 3, 3}, false);
        case "resnet18" -> resnet(spec, f, 64, new int[] {2, 2, 2, 2}, false);
        case "resnet34" -> resnet(spec, f, 64, new int[] {3, 4, 6, 3}, false);
        case "resnet50" -> resnet(spec, f, 64, new int[] {3, 4, 6, 3}, true);
        default -> throw new IllegalArgumentException("unknown model " + spec.model());
      };
      f.checkAllFormsUsed();
      return new Network(spec, forms, stages, manager);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** conv32-conv32-pool-conv64-conv64-pool-fc512-fc, ReLU, dropout 0.25/0.25/0.5. */
  private static List<Stage> cnn4(ModelSpec spec, LayerFactory f) {
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

  /** He et al.'s CIFAR ResNet (base 16, three stages) or torchvision's ResNet (base 64, four stages). */
  private static List<Stage> resnet(ModelSpec spec, LayerFactory f, int base, int[] blocks, boolean bottleneck) {
    List<Stage> stages = new ArrayList<>();
    boolean imagenet = spec.stem().equals(ModelSpec.IMAGENET);
    ConvSpec stemConv = imagenet
        ? ConvSpec.square(spec.channels(), base, 7, 2, 3, false)
        : ConvSpec.square(spec.channels(), base, 3, 1, 1, false);
    Conv2d conv1 = f.conv("conv1", stemConv, spec.size(), spec.size());
    List<Module> stem = new ArrayList<>(List.of(conv1, f.batchNorm("bn1", base), new Relu()));
    int size = conv1.outputHeight();
    if (imagenet) {
      stem.add(new MaxPool2d(3, 2, 1));
      size = Math.floorDiv(size + 2 - 3, 2) + 1;
    }
    stages.add(new SequentialStage("stem", stem));
    int in = base;
    for (int stage = 0; stage < blocks.length; stage++) {
      int width = base << stage;
      for (int b = 0; b < blocks[stage]; b++) {
        int stride = stage > 0 && b == 0 ? 2 : 1;
        stages.add(ResidualBlock.build("layer" + (stage + 1) + "." + b, bottleneck, in, width, stride, size, f));
        in = ResidualBlock.outChannels(bottleneck, width);
        size = Math.floorDiv(size + 2 - 3, stride) + 1;
      }
    }
    Linear fc = f.linear("fc", in, spec.classes());
    stages.add(new SequentialStage("head", List.of(new GlobalAvgPool(), fc)));
    return stages;
  }
}
