package dev.convcut.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a layer sits in a residual network, read from torchvision's layer names: {@code
 * layerS.B.convK} is the K-th convolution of block B of stage S, {@code layerS.B.downsample.0} the
 * block's 1×1 downsampling projection. Layers outside the blocks are the stem (before the first
 * block) or the head (after it). A network without residual blocks (cnn4) has only {@link
 * Kind#PLAIN} layers.
 *
 * @param stage {@code layer1}, {@code layer2}, …, or {@code stem}, {@code head}; {@code all} for plain layers
 * @param block the block's index in its stage, -1 outside the blocks
 */
public record LayerRole(String layer, int depth, String stage, int block, Kind kind) {

  /** The kinds of convolution a reader of a ResNet tells apart. */
  public enum Kind {
    STEM("stem", "the stem"), FIRST("first conv of a block", "the blocks' first convolutions"),
    SECOND("second conv of a block", "the blocks' second convolutions"), THIRD("third conv of a block", "the blocks' third convolutions"),
    PROJECTION("1\u00d71 downsampling projection", "the 1\u00d71 downsampling projections"), HEAD("after the blocks", "the head"),
    PLAIN("layer", "the layers");

    private final String label;
    private final String plural;

    Kind(String label, String plural) {
      this.label = label;
      this.plural = plural;
    }

    public String label() {
      return label;
    }

    /** The kind's layers together, e.g. "the blocks' first convolutions". */
    public String plural() {
      return plural;
    }
  }

  private static final Pattern CONV = Pattern.compile("(layer\\d+)\\.(\\d+)\\.conv(\\d+)");
  private static final Pattern PROJECTION = Pattern.compile("(layer\\d+)\\.(\\d+)\\.downsample\\.\\d+");

  /** The roles of {@code layers} (in depth order). */
  public static List<LayerRole> of(List<LayerSummary> layers) {
    List<LayerRole> inBlocks = new ArrayList<>();
    List<LayerSummary> outside = new ArrayList<>();
    for (LayerSummary l : layers) {
      Matcher conv = CONV.matcher(l.layer());
      Matcher projection = PROJECTION.matcher(l.layer());
      if (conv.matches()) {
        int k = Integer.parseInt(conv.group(3));
        inBlocks.add(new LayerRole(l.layer(), l.depth(), conv.group(1), Integer.parseInt(conv.group(2)),
            k == 1 ? Kind.FIRST : k == 2 ? Kind.SECOND : Kind.THIRD));
      } else if (projection.matches()) {
        inBlocks.add(new LayerRole(l.layer(), l.depth(), projection.group(1), Integer.parseInt(projection.group(2)), Kind.PROJECTION));
      } else {
        outside.add(l);
      }
    }
    int firstBlock = inBlocks.stream().mapToInt(LayerRole::depth).min().orElse(Integer.MAX_VALUE);
    List<LayerRole> all = new ArrayList<>(inBlocks);
    for (LayerSummary l : outside) {
      boolean residual = !inBlocks.isEmpty();
      Kind kind = !residual ? Kind.PLAIN : l.depth() < firstBlock ? Kind.STEM : Kind.HEAD;
      all.add(new LayerRole(l.layer(), l.depth(), kind == Kind.PLAIN ? "all" : kind == Kind.STEM ? "stem" : "head", -1, kind));
    }
    all.sort(Comparator.comparingInt(LayerRole::depth).thenComparing(LayerRole::layer));
    return List.copyOf(all);
  }

  /** Whether the layers come from a residual network (any layer in a block). */
  public static boolean residual(List<LayerRole> roles) {
    return roles.stream().anyMatch(r -> r.block() >= 0);
  }
}
