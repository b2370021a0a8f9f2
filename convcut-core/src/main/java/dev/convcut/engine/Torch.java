package dev.convcut.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Starts DJL's PyTorch engine the way convcut needs it: the native library from the
 * pytorch-native-cpu jar (offline, never a download), no usage telemetry, a chosen number of
 * threads. Call {@link #configure} before anything touches DJL; later calls with other settings
 * have no effect on a running engine.
 */
public final class Torch {
  private static volatile boolean started;

  private Torch() {}

  /**
   * Sets the engine's system properties and starts it.
   *
   * @param threads intra-op threads, or 0 for libtorch's default (the number of cores)
   */
  public static synchronized Engine configure(int threads) {
    if (!started) {
      System.setProperty("ai.djl.offline", "true");
      System.setProperty("OPT_OUT_TRACKING", "true");
      System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      if (threads > 0) {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
      }
      started = true;
    }
    return Engine.getEngine("PyTorch");
  }

  /**
   * The instruction-set cap the user put on libtorch's oneDNN kernels ({@code ONEDNN_MAX_CPU_ISA},
   * e.g. {@code AVX2}), or null for libtorch's default (the widest the CPU has). Recorded with
   * every latency figure: the ratio of two models can differ between kernel sets.
   */
  public static String cpuIsaCap() {
    return System.getenv("ONEDNN_MAX_CPU_ISA");
  }

  /** The engine with default settings, configured on first use. */
  public static Engine engine() {
    return configure(0);
  }

  /** The device work runs on: the first GPU when the engine sees one, else the CPU. */
  public static Device defaultDevice() {
    return engine().defaultDevice();
  }

  /** libtorch's intra-op thread count in effect (starts the engine if needed). */
  public static int threads() {
    engine();
    return ai.djl.pytorch.jni.JniUtils.getNumThreads();
  }

  /** libtorch's version, e.g. {@code 2.7.1}. */
  public static String version() {
    return engine().getVersion();
  }
}
