package dev.convcut.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of architectures built by name: convcut's zoo ({@code cnn4}, {@code resnet20},
 * torchvision's {@code resnet18}, {@code resnet34}, {@code resnet50}), those on the class path as
 * {@link ServiceLoader} services of {@link ZooArchitecture}, and those {@link #register
 * registered} by a program. Names are unique.
 */
public final class Architectures {
  private static final Map<String, ZooArchitecture> BY_NAME = new LinkedHashMap<>();

  static {
    for (ZooArchitecture a : List.of(new Cnn4(), Resnets.cifar("resnet20", 16, new int[] {3, 3, 3}),
        Resnets.torchvision("resnet18", new int[] {2, 2, 2, 2}, false),
        Resnets.torchvision("resnet34", new int[] {3, 4, 6, 3}, false),
        Resnets.torchvision("resnet50", new int[] {3, 4, 6, 3}, true))) {
      add(a);
    }
    for (ZooArchitecture a : ServiceLoader.load(ZooArchitecture.class)) {
      add(a);
    }
  }

  private Architectures() {}

  /** Adds {@code a}; refuses a name already taken (or the imported graphs' {@value ModelSpec#ONNX}). */
  public static synchronized void register(ZooArchitecture a) {
    add(a);
  }

  private static void add(ZooArchitecture a) {
    if (a.name().equals(ModelSpec.ONNX) || BY_NAME.containsKey(a.name()) && BY_NAME.get(a.name()) != a) {
      throw new IllegalArgumentException("architecture name '" + a.name() + "' is taken"
          + (a.name().equals(ModelSpec.ONNX) ? " by imported graphs" : " by " + BY_NAME.get(a.name()).getClass().getName()));
    }
    BY_NAME.put(a.name(), a);
  }

  /** The architecture named {@code name}, or null. */
  public static synchronized ZooArchitecture find(String name) {
    return BY_NAME.get(name);
  }

  /** The names of every registered architecture, in registration order. */
  public static synchronized List<String> names() {
    return new ArrayList<>(BY_NAME.keySet());
  }
}
