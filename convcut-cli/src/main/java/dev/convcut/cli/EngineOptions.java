package dev.convcut.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.convcut.engine.Torch;
import picocli.CommandLine.Option;

/** Options shared by every command that runs a network: threads and device. */
public final class EngineOptions {
  @Option(names = "--threads", paramLabel = "N", description = "Intra-op threads for libtorch (default: ${DEFAULT-VALUE} = all cores).")
  int threads;

  @Option(names = "--device", paramLabel = "cpu|gpu|auto",
      description = "Where to run: cpu, gpu (the first CUDA device) or auto (a GPU when libtorch sees one). Default: ${DEFAULT-VALUE}.")
  String device = "auto";

  /** Refuses bad values before any data is read: a negative thread count, an unknown device. */
  public void validate() {
    if (threads < 0) {
      throw new IllegalArgumentException("--threads must be a positive number, or 0 for all cores; got " + threads);
    }
    if (!device.equals("cpu") && !device.equals("gpu") && !device.equals("auto")) {
      throw new IllegalArgumentException("--device must be cpu, gpu or auto, got '" + device + "'");
    }
  }

  /** Starts the engine with these settings and returns the device to run on. */
  public Device start() {
    validate();
    Engine engine = Torch.configure(threads);
    switch (device) {
      case "cpu":
        return Device.cpu();
      case "gpu":
        if (engine.getGpuCount() == 0) {
          throw new IllegalArgumentException("--device gpu: libtorch sees no CUDA device (see the README: 'Using a GPU')");
        }
        return Device.gpu();
      case "auto":
        return engine.defaultDevice();
      default:
        throw new IllegalArgumentException("--device must be cpu, gpu or auto, got '" + device + "'");
    }
  }

  /** Starts the engine with default settings, for commands that only read and write weights. */
  public static void startQuietly() {
    Torch.configure(0);
  }

  public int threads() {
    return threads;
  }
}
