package dev.convcut.tensorize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of decompositions: convcut's four, those on the class path as {@link
 * ServiceLoader} services of {@link Decomposition}, and those {@link #register registered} by a
 * program. Names and aliases are unique (case ignored).
 */
public final class Decompositions {
  /** A cut's truncated SVD: two convolutions ({@code svd:<cut>}). */
  public static final CutSvdDecomposition SVD = new CutSvdDecomposition();
  /** Tucker-2 by truncated HOSVD: three convolutions. */
  public static final Tucker2Decomposition TUCKER2 = new Tucker2Decomposition();
  /** CP by alternating least squares: four convolutions, two of them depthwise. */
  public static final CpAlsDecomposition CP = new CpAlsDecomposition(dev.convcut.tensor.decompose.CpAls.Options.ofRank(1));
  /** The tensor train in index order {@code i,h,w,o} by TT-SVD: four convolutions. */
  public static final TensorTrainDecomposition TT = new TensorTrainDecomposition();

  private static final Map<String, Decomposition> BY_NAME = new LinkedHashMap<>();

  static {
    for (Decomposition d : List.of(SVD, TUCKER2, CP, TT)) {
      add(d);
    }
    for (Decomposition d : ServiceLoader.load(Decomposition.class)) {
      add(d);
    }
  }

  private Decompositions() {}

  /** Adds {@code d}; refuses a name or alias already taken. */
  public static synchronized void register(Decomposition d) {
    add(d);
  }

  private static void add(Decomposition d) {
    List<String> names = new ArrayList<>();
    names.add(d.name());
    names.addAll(d.aliases());
    for (String n : names) {
      Decomposition old = BY_NAME.get(n.toLowerCase(Locale.ROOT));
      if (old != null && old != d) {
        throw new IllegalArgumentException("decomposition name '" + n + "' is taken by " + old.getClass().getName());
      }
    }
    names.forEach(n -> BY_NAME.put(n.toLowerCase(Locale.ROOT), d));
  }

  /** The decomposition named {@code name} (or one of its aliases), or null. */
  public static synchronized Decomposition find(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  /** Every registered decomposition, each once, in registration order. */
  public static synchronized List<Decomposition> all() {
    return BY_NAME.values().stream().distinct().toList();
  }

  /** Every method of every decomposition: one per cut for those that take one. */
  public static List<Method> allMethods() {
    List<Method> out = new ArrayList<>();
    for (Decomposition d : all()) {
      if (d.takesCut()) {
        d.cuts().forEach(c -> out.add(new Method(d, c)));
      } else {
        out.add(new Method(d, null));
      }
    }
    return out;
  }

  /** The method texts for messages: {@code svd:<cut> (e.g. ...), tucker2, cp, tt}. */
  public static String choices() {
    List<String> out = new ArrayList<>();
    for (Decomposition d : all()) {
      out.add(d.takesCut() ? d.name() + ":<cut> (e.g. " + d.name() + ":" + d.cuts().get(0) + ")" : d.name());
    }
    return String.join(", ", out);
  }
}
