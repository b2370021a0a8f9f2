package dev.convcut.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import dev.convcut.ConvcutException;
import dev.convcut.WithEngine;
import dev.convcut.model.ConvSpec;
import dev.convcut.model.LayerForm;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.ModelZoo;
import dev.convcut.model.Network;
import dev.convcut.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest extends WithEngine {
  @TempDir Path tmp;


  static final ModelSpec SPEC = new ModelSpec("resnet20", 1, 8, 3);

  static Architecture arch(Network net) {
    return Architecture.of(net.spec(), net.forms(), Preprocessing.centered(1), "synthetic", List.of("a", "b", "c"));
  }

  private Path save(Network net, String name) {
    Path dir = tmp.resolve(name);
    Checkpoints.save(dir, false, net, arch(net), null, Map.of(), Provenance.start("test", List.of()), null);
    return dir;
  }

  @Test
  void aSavedCheckpointLoadsWithIdenticalWeightsAndArchitecture() {
    try (Network net = ModelZoo.build(SPEC, manager, 7)) {
      Path dir = save(net, "ck");
      assertThat(dir.resolve("run.json")).exists();
      try (Checkpoint ck = Checkpoints.load(dir, manager)) {
        assertThat(ck.architecture()).isEqualTo(arch(net));
        assertThat(ck.resumable()).isFalse();
        for (var p : net.params()) {
          assertThat(ck.network().param(p.name()).array().toFloatArray()).as(p.name()).containsExactly(p.array().toFloatArray());
        }
      }
    }
  }

  @Test
  void anExistingCheckpointIsNotOverwrittenWithoutForce() {
    try (Network net = ModelZoo.build(SPEC, manager, 7)) {
      Path dir = save(net, "ck");
      assertThatThrownBy(() -> save(net, "ck")).isInstanceOf(ConvcutException.class)
          .hasMessageContaining("already exists; choose another path or pass the force option to replace it");
      Checkpoints.save(dir, true, net, arch(net), null, Map.of(), Provenance.start("test", List.of()), null);
    }
  }

  @Test
  void aMissingWeightsFileIsNamed() throws Exception {
    try (Network net = ModelZoo.build(SPEC, manager, 7)) {
      Path dir = save(net, "ck");
      Files.delete(dir.resolve(Checkpoints.WEIGHTS));
      assertThatThrownBy(() -> Checkpoints.load(dir, manager)).hasMessageContaining("weights.safetensors").hasMessageContaining("missing");
    }
  }

  @Test
  void truncatedWeightsAreRefusedWithTheByteTheyEndAtAndTheSizeTheyShouldHave() throws Exception {
    try (Network net = ModelZoo.build(SPEC, manager, 7)) {
      Path dir = save(net, "ck");
      Path weights = dir.resolve(Checkpoints.WEIGHTS);
      long size = Files.size(weights);
      try (var ch = java.nio.channels.FileChannel.open(weights, java.nio.file.StandardOpenOption.WRITE)) {
        ch.truncate(size - 10);
      }
      assertThatThrownBy(() -> Checkpoints.load(dir, manager)).isInstanceOf(ConvcutException.class)
          .hasMessageStartingWith(weights + ": cut short at byte " + (size - 10) + " of " + size + " (the header places ");
    }
  }

  @Test
  void aFieldOfTheWrongTypeInArchitectureJsonIsNamed() throws Exception {
    try (Network net = ModelZoo.build(SPEC, manager, 7)) {
      Path dir = save(net, "ck");
      Path file = dir.resolve(Checkpoints.ARCHITECTURE);
      Files.writeString(file, Files.readString(file).replace("\"classes\" : 3", "\"classes\" : \"three\""));
      assertThatThrownBy(() -> Checkpoints.architecture(dir))
          .hasMessageContaining(file + ": not a valid Architecture JSON file: field classes: expected a whole number, got \"three\"");
    }
  }

  @Test
  void anUnknownArchitectureIsNamed() throws Exception {
    try (Network net = ModelZoo.build(SPEC, manager, 7)) {
      Path dir = save(net, "ck");
      Path a = dir.resolve(Checkpoints.ARCHITECTURE);
      Files.writeString(a, Files.readString(a).replace("\"resnet20\"", "\"resnet21\""));
      assertThatThrownBy(() -> Checkpoints.load(dir, manager)).isInstanceOf(ConvcutException.class)
          .hasMessageContaining("architecture.json").hasMessageContaining("resnet21");
    }
  }

  @Test
  void wrongShapesAreAllListedInOneError() {
    try (Network net = ModelZoo.build(SPEC, manager, 7); Network wide = ModelZoo.build(new ModelSpec("resnet20", 1, 8, 4), manager, 7)) {
      Path dir = tmp.resolve("ck");
      Checkpoints.save(dir, false, wide, Architecture.of(wide.spec(), Map.of(), Preprocessing.centered(1), "x", List.of()),
          null, Map.of(), Provenance.start("test", List.of()), null);
      // Claim the 4-class weights are a 3-class network.
      Path a = dir.resolve(Checkpoints.ARCHITECTURE);
      try {
        Files.writeString(a, Files.readString(a).replace("\"classes\" : 4", "\"classes\" : 3"));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      assertThatThrownBy(() -> Checkpoints.load(dir, manager)).hasMessageContaining("2 name or shape mismatches")
          .hasMessageContaining("fc.weight").hasMessageContaining("fc.bias");
    }
  }

  @Test
  void nonFiniteWeightsAreRefusedWithTheirName() {
    try (Network net = ModelZoo.build(SPEC, manager, 7)) {
      float[] w = net.weight("layer2.0.conv1");
      w[5] = Float.NaN;
      net.setWeight("layer2.0.conv1", w);
      Path dir = save(net, "ck");
      assertThatThrownBy(() -> Checkpoints.load(dir, manager)).hasMessageContaining("layer2.0.conv1.weight").hasMessageContaining("NaN");
    }
  }

  @Test
  void aFactorizedLayerIsSavedAndRebuiltWithFactorNames() {
    LayerForm form = new LayerForm(LayerForm.Kind.FACTORIZED, List.of(
        new ConvSpec(16, 4, 3, 1, 1, 1, 1, 0, 1, 1, 1, false),
        new ConvSpec(4, 16, 1, 3, 1, 1, 0, 1, 1, 1, 1, false)), "cut ow|ih rank 4");
    try (Network net = ModelZoo.build(SPEC, Map.of("layer1.0.conv2", form), manager, 7)) {
      assertThat(net.param("layer1.0.conv2.factors.1.weight").shape()).containsExactly(16, 4, 1, 3);
      assertThat(net.param("layer1.0.conv2.weight")).isNull();
      Path dir = save(net, "ck");
      try (Checkpoint ck = Checkpoints.load(dir, manager)) {
        assertThat(ck.network().forms()).containsEntry("layer1.0.conv2", form);
        Map<String, NDArray> sd = new LinkedHashMap<>(StateDict.of(ck.network()));
        assertThat(sd.get("layer1.0.conv2.factors.0.weight").toFloatArray())
            .containsExactly(net.param("layer1.0.conv2.factors.0.weight").array().toFloatArray());
      }
    }
  }
}
