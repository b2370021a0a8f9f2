package dev.convcut.data.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convcut.data.PythonPeer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test side of torchvision: folders written by Pillow (folder_fixture.py) and what
 * torchvision's {@code ImageFolder} makes of them (bench/imagefolder_peer.py).
 */
final class TorchvisionFolder {
  private TorchvisionFolder() {}

  /** Writes fixture {@code kind} ({@code layout} or {@code modes}) into {@code root}. */
  static Path write(String kind, Path root) throws Exception {
    Path script = Path.of(TorchvisionFolder.class.getResource("/imagefolder/folder_fixture.py").toURI());
    Files.createDirectories(root);
    PythonPeer.run(List.of(script.toString(), kind, root.toString()), root.resolveSibling(root.getFileName() + "-fixture.log"), 180);
    return root;
  }

  /** torchvision's view of {@code root}: its listing and its evaluation tensors. */
  record View(List<String> classes, List<String> samplePaths, List<Integer> sampleLabels, int[] shape, float[] tensors) {}

  static View view(Path root, int resize, int crop, int channels, double[] mean, double[] std, Path work) throws Exception {
    Path peer = Path.of("..", "bench", "imagefolder_peer.py").toAbsolutePath().normalize();
    List<String> args = new ArrayList<>(List.of(peer.toString(), "--root", root.toString(), "--resize", Integer.toString(resize), "--crop",
        Integer.toString(crop), "--channels", Integer.toString(channels), "--out", work.toString(), "--mean"));
    for (double m : mean) {
      args.add(Double.toString(m));
    }
    args.add("--std");
    for (double s : std) {
      args.add(Double.toString(s));
    }
    Files.createDirectories(work);
    PythonPeer.run(args, work.resolve("peer.log"), 300);
    JsonNode listing = new ObjectMapper().readTree(work.resolve("listing.json").toFile());
    List<String> classes = new ArrayList<>();
    listing.get("classes").forEach(c -> classes.add(c.asText()));
    List<String> paths = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    listing.get("samples").forEach(s -> {
      paths.add(s.get(0).asText());
      labels.add(s.get(1).asInt());
    });
    int[] shape = new int[listing.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = listing.get("shape").get(i).asInt();
    }
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(work.resolve("tensors.f32"))).order(ByteOrder.LITTLE_ENDIAN);
    float[] tensors = new float[bytes.remaining() / 4];
    bytes.asFloatBuffer().get(tensors);
    return new View(classes, paths, labels, shape, tensors);
  }
}
