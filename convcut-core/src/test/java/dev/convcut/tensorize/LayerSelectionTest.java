package dev.convcut.tensorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.convcut.UsageException;
import dev.convcut.engine.Torch;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LayerSelectionTest {
  static NDManager manager;
  static Network net;

  @BeforeAll
  static void start() {
    Torch.configure(2);
    manager = NDManager.newBaseManager();
    net = ModelZoo.build(new ModelSpec("resnet20", 3, 8, 10), manager, 1);
  }

  @AfterAll
  static void stop() {
    net.close();
    manager.close();
  }

  @Test
  void noPatternMeansEveryConvolutionInForwardOrder() {
    List<String> all = LayerSelection.resolve(net, List.of());
    assertThat(all).hasSize(21).startsWith("conv1", "layer1.0.conv1").doesNotContain("fc");
  }

  @Test
  void globsAndNamesSelectInForwardOrderWithoutRepeats() {
    assertThat(LayerSelection.resolve(net, List.of("layer3.*.conv2", "layer1.0.conv1", "layer3.1.conv2")))
        .containsExactly("layer1.0.conv1", "layer3.0.conv2", "layer3.1.conv2", "layer3.2.conv2");
    assertThat(LayerSelection.resolve(net, List.of("layer?.0.downsample.0"))).containsExactly("layer2.0.downsample.0",
        "layer3.0.downsample.0");
  }

  @Test
  void aPatternMatchingNothingOrOnlyLinearLayersIsRefusedListingTheConvolutions() {
    assertThatThrownBy(() -> LayerSelection.resolve(net, List.of("layer4.*"))).isInstanceOf(UsageException.class)
        .hasMessageContaining("matches no layer of resnet20").hasMessageContaining("layer3.2.conv2");
    assertThatThrownBy(() -> LayerSelection.resolve(net, List.of("fc"))).hasMessageContaining("only linear layers");
  }
}
