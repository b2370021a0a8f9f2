package dev.convcut.interop.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.convcut.ConvcutException;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * An ONNX model loaded in ONNX Runtime's CPU execution provider: all graph optimizations,
 * sequential execution, {@code threads} intra-op threads (one inter-op thread). Runs float32
 * batches of the model's {@value OnnxExport#INPUT} to its first output.
 */
public final class OrtModel implements AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String input;

  private OrtModel(OrtEnvironment env, OrtSession session, String input) {
    this.env = env;
    this.session = session;
    this.input = input;
  }

  /** Loads a serialized ONNX model; {@code what} names it in errors. */
  public static OrtModel load(byte[] model, int threads, String what) {
    if (threads < 1) {
      throw new IllegalArgumentException("ONNX Runtime needs >= 1 intra-op thread, got " + threads);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(threads);
      o.setInterOpNumThreads(1);
      o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = env.createSession(model, o);
      return new OrtModel(env, session, session.getInputNames().iterator().next());
    } catch (OrtException e) {
      throw new ConvcutException("ONNX Runtime could not load " + what + ": " + e.getMessage(), e);
    }
  }

  /** A float32 input batch of {@code shape}, kept in native memory until closed. */
  public Batch batch(float[] values, long[] shape) {
    try {
      return new Batch(OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape));
    } catch (OrtException e) {
      throw new ConvcutException("ONNX Runtime could not make an input of shape " + java.util.Arrays.toString(shape)
          + ": " + e.getMessage(), e);
    }
  }

  /** The first output for {@code x}, flattened (for logits: row-major {@code [N, classes]}). */
  public float[] run(Batch x) {
    try (OrtSession.Result r = session.run(Map.of(input, x.tensor))) {
      OnnxTensor out = (OnnxTensor) r.get(0);
      FloatBuffer b = out.getFloatBuffer();
      float[] values = new float[b.remaining()];
      b.get(values);
      return values;
    } catch (OrtException e) {
      throw new ConvcutException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
    }
  }

  /** One forward pass whose output is discarded (for timing). */
  public void runDiscarding(Batch x) {
    try (OrtSession.Result r = session.run(Map.of(input, x.tensor))) {
      r.get(0);
    } catch (OrtException e) {
      throw new ConvcutException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
    }
  }

  /** ONNX Runtime's version, for provenance. */
  public static String version() {
    return OrtEnvironment.getEnvironment().getVersion();
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new ConvcutException("ONNX Runtime could not close a session: " + e.getMessage(), e);
    }
  }

  /** An input tensor for {@link #run}. */
  public static final class Batch implements AutoCloseable {
    private final OnnxTensor tensor;

    private Batch(OnnxTensor tensor) {
      this.tensor = tensor;
    }

    @Override
    public void close() {
      tensor.close();
    }
  }
}
