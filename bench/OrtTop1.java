import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Top-1 of an ONNX classifier in ONNX Runtime on the test split of an IDX dataset (MNIST,
 * Fashion-MNIST), independent of convcut's data pipeline: reads the gzipped IDX files itself,
 * normalizes with the mean and std the file's metadata records ({@code convcut.mean},
 * {@code convcut.std}, written by {@code convcut export --format onnx}) and counts the arg-max
 * hits. docs/onnx.md compares it with {@code convcut eval}. Run as a single-file program on
 * convcut's class path:
 * {@code java -cp "convcut-cli/target/lib/*" bench/OrtTop1.java MODEL.onnx /usr/share/datasets/fashion-mnist}.
 */
public class OrtTop1 {
  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    byte[][] images = images(dir.resolve("t10k-images-idx3-ubyte.gz"));
    byte[] labels = labels(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession s = env.createSession(model.toString(), new OrtSession.SessionOptions())) {
      Map<String, String> meta = s.getMetadata().getCustomMetadata();
      float mean = Float.parseFloat(meta.get("convcut.mean"));
      float std = Float.parseFloat(meta.get("convcut.std"));
      int side = (int) Math.round(Math.sqrt(images[0].length));
      int correct = 0;
      int batch = 500;
      for (int start = 0; start < images.length; start += batch) {
        int n = Math.min(batch, images.length - start);
        float[] x = new float[n * side * side];
        for (int i = 0; i < n; i++) {
          for (int p = 0; p < side * side; p++) {
            x[i * side * side + p] = ((images[start + i][p] & 0xff) / 255f - mean) / std;
          }
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {n, 1, side, side});
            OrtSession.Result r = s.run(Map.of(s.getInputNames().iterator().next(), t))) {
          float[][] logits = (float[][]) r.get(0).getValue();
          for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < logits[i].length; c++) {
              best = logits[i][c] > logits[i][best] ? c : best;
            }
            correct += best == labels[start + i] ? 1 : 0;
          }
        }
      }
      System.out.printf("ONNX Runtime %s, %s: top-1 on %s test %d/%d = %.2f%%%n", env.getVersion(), model.getFileName(),
          dir.getFileName(), correct, images.length, 100.0 * correct / images.length);
    }
  }

  private static DataInputStream open(Path p) throws IOException {
    return new DataInputStream(new GZIPInputStream(Files.newInputStream(p)));
  }

  private static byte[][] images(Path p) throws IOException {
    try (DataInputStream in = open(p)) {
      if (in.readInt() != 0x803) {
        throw new IOException(p + " is not an IDX image file");
      }
      int n = in.readInt();
      int size = in.readInt() * in.readInt();
      byte[][] out = new byte[n][size];
      for (byte[] image : out) {
        in.readFully(image);
      }
      return out;
    }
  }

  private static byte[] labels(Path p) throws IOException {
    try (DataInputStream in = open(p)) {
      if (in.readInt() != 0x801) {
        throw new IOException(p + " is not an IDX label file");
      }
      byte[] out = new byte[in.readInt()];
      in.readFully(out);
      return out;
    }
  }
}
