package dev.convcut.model;

import java.util.ArrayList;
import java.util.List;

/**
 * He et al.'s CIFAR ResNet (base 16, three stages, 3×3 stem) and torchvision's ResNets (base 64,
 * four stages, a CIFAR or an ImageNet stem), with torchvision's layer names.
 */
final class Resnets implements ZooArchitecture {
  private final String name;
  private final int base;
  private final int[] blocks;
  private final boolean bottleneck;
  private final boolean torchvision;

  private Resnets(String name, int base, int[] blocks, boolean bottleneck, boolean torchvision) {
    this.name = name;
    this.base = base;
    this.blocks = blocks.clone();
    this.bottleneck = bottleneck;
    this.torchvision = torchvision;
  }

  static Resnets cifar(String name, int base, int[] blocks) {
    return new Resnets(name, base, blocks, false, false);
  }

  static Resnets torchvision(String name, int[] blocks, boolean bottleneck) {
    return new Resnets(name, 64, blocks, bottleneck, true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    int convs = 1 + java.util.Arrays.stream(blocks).sum() * (bottleneck ? 3 : 2) + blocks.length - 1;
    return (torchvision ? "torchvision's " : "He et al.'s CIFAR ") + name + " (" + convs + " convolutions"
        + (bottleneck ? ", bottleneck blocks" : "") + ")";
  }

  @Override
  public List<Stem> stems() {
    return torchvision ? List.of(Stem.CIFAR, Stem.IMAGENET) : List.of(Stem.CIFAR);
  }

  @Override
  public int minSize(Stem stem) {
    return stem == Stem.IMAGENET ? 32 : 8;
  }

  @Override
  public boolean torchvisionInit() {
    return torchvision;
  }

  @Override
  public List<Stage> stages(ModelSpec spec, LayerFactory f) {
    List<Stage> stages = new ArrayList<>();
    boolean imagenet = spec.stem() == Stem.IMAGENET;
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
