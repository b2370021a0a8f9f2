import ai.onnxruntime.*;
import java.nio.FloatBuffer;
import java.util.*;

/**
 * Times ONNX files side by side in ONNX Runtime's CPU provider with the session options
 * convcut's OrtModel uses (2 intra-op threads, 1 inter-op, sequential), alternating the files,
 * medians of REPEATS passes after 2 untimed ones, on one random 3x224x224 batch:
 *
 *   java -cp 'convcut-cli/target/lib/*' bench/OrtProbe.java MODE BATCH REPEATS a.onnx b.onnx ...
 *
 * MODE: all | extended | basic (graph optimization level), nomempat (memory pattern off),
 * optfile:DIR (also write each optimized graph to DIR, to see which kernels ONNX Runtime chose),
 * profile:DIR (ONNX Runtime's per-node profile JSON into DIR; bench/ort_profile_sum.py sums it).
 * Investigation tool for BENCHMARKS.md ("ONNX Runtime"), not part of convcut.
 */
public class OrtProbe {
  public static void main(String[] a) throws Exception {
    String mode = a[0];
    int batch = Integer.parseInt(a[1]);
    int repeats = Integer.parseInt(a[2]);
    List<String> files = Arrays.asList(a).subList(3, a.length);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    List<OrtSession> s = new ArrayList<>();
    for (String f : files) {
      OrtSession.SessionOptions o = new OrtSession.SessionOptions();
      o.setIntraOpNumThreads(2);
      o.setInterOpNumThreads(1);
      o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      o.setOptimizationLevel(mode.equals("extended") ? OrtSession.SessionOptions.OptLevel.EXTENDED_OPT
          : mode.equals("basic") ? OrtSession.SessionOptions.OptLevel.BASIC_OPT : OrtSession.SessionOptions.OptLevel.ALL_OPT);
      if (mode.equals("nomempat")) o.setMemoryPatternOptimization(false);
      String base = new java.io.File(f).getName().replace(".onnx", "");
      if (mode.startsWith("optfile:")) o.setOptimizedModelFilePath(mode.substring(8) + "/" + base + ".opt.onnx");
      if (mode.startsWith("profile:")) o.enableProfiling(mode.substring(8) + "/" + base);
      s.add(env.createSession(f, o));
    }
    float[] x = new float[batch * 3 * 224 * 224];
    Random r = new Random(1);
    for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
    OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {batch, 3, 224, 224});
    String in = s.get(0).getInputNames().iterator().next();
    for (OrtSession ss : s) { ss.run(Map.of(in, t)).close(); ss.run(Map.of(in, t)).close(); }
    double[][] ms = new double[s.size()][repeats];
    for (int k = 0; k < repeats; k++) {
      for (int j = 0; j < s.size(); j++) {
        long t0 = System.nanoTime();
        s.get(j).run(Map.of(in, t)).close();
        ms[j][k] = (System.nanoTime() - t0) / 1e6;
      }
    }
    for (int j = 0; j < s.size(); j++) {
      double[] v = ms[j].clone(); Arrays.sort(v);
      System.out.printf(Locale.ROOT, "%s mode=%s batch=%d median %.1f ms (min %.1f, max %.1f)%n", files.get(j), mode, batch, v[v.length/2], v[0], v[v.length-1]);
      if (mode.startsWith("profile:")) System.out.println("profile " + s.get(j).endProfiling());
    }
    System.out.println("ratio first/second " + (s.size() > 1 ? String.format(Locale.ROOT, "%.3f", median(ms[0]) / median(ms[1])) : "-"));
  }
  static double median(double[] a) { double[] v = a.clone(); Arrays.sort(v); return v[v.length/2]; }
}
