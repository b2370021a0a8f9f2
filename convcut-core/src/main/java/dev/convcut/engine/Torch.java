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
   * Caps the CPU instruction set libtorch's oneDNN kernels may use, by setting
   * {@code ONEDNN_MAX_CPU_ISA} in this process's environment before the engine starts; a value the
   * user set is left alone. oneDNN reads it once, when it first runs a kernel, so this must come
   * before any work: called later it changes nothing and says so.
   *
   * <p>Why: on the development machine (AMD EPYC with AVX-512) libtorch 2.7.1's AVX-512
   * convolution kernels returned wrong input gradients for some strided convolutions even after
   * {@code Ops.conv2d}'s channel padding (stride 2, 48 input channels), the AVX2 kernels none
   * (docs/compress.md, "Numerics"). Fine-tuning factorized layers asks for the cap.
   *
   * @return whether the cap is in effect for this process (set now, or set by the user)
   */
  public static synchronized boolean capCpuIsa(String isa, String why) {
    String current = System.getenv("ONEDNN_MAX_CPU_ISA");
    if (current != null || isaCap != null) {
      return true;
    }
    if (started) {
      org.slf4j.LoggerFactory.getLogger(Torch.class).warn(
          "the engine is already running: cannot cap oneDNN at {} for {}", isa, why);
      return false;
    }
    if (LibC.INSTANCE.setenv("ONEDNN_MAX_CPU_ISA", isa, 0) != 0) {
      return false;
    }
    isaCap = isa;
    org.slf4j.LoggerFactory.getLogger(Torch.class).info("oneDNN kernels capped at {} ({})", isa, why);
    return true;
  }

  /** The instruction-set cap in effect ({@code ONEDNN_MAX_CPU_ISA}), or null for libtorch's default. */
  public static String cpuIsaCap() {
    return isaCap != null ? isaCap : System.getenv("ONEDNN_MAX_CPU_ISA");
  }

  private static volatile String isaCap;

  /** glibc's setenv, for the native code's view of the environment. */
  private interface LibC extends com.sun.jna.Library {
    LibC INSTANCE = com.sun.jna.Native.load("c", LibC.class);

    int setenv(String name, String value, int overwrite);
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
