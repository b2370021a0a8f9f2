package dev.convcut.interop.onnx;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl;
import dev.convcut.ConvcutException;
import dev.convcut.Setting;
import dev.convcut.Words;
import dev.convcut.checkpoint.Architecture;
import dev.convcut.checkpoint.Checkpoint;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.OutputPlace;
import dev.convcut.model.Conv2d;
import dev.convcut.model.ModelSpec;
import dev.convcut.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a convcut network as an ONNX model (opset {@value #OPSET}, IR version {@value
 * #IR_VERSION}) that computes the network's inference logits: input {@value #INPUT} of shape
 * {@code [N, C, H, W]} (normalized pixels, a symbolic batch {@code N}), output {@value #OUTPUT} of
 * shape {@code [N, classes]}. Every convolution is a plain {@code Conv} node (a factorized layer
 * one per factor, in order), with its BatchNorm folded in unless asked otherwise; initializers
 * carry convcut's PyTorch parameter names. See docs/export-import.md.
 */
public final class OnnxExport {
  /** The ONNX operator set the models import (default domain). */
  public static final int OPSET = 17;
  /** The ONNX IR version written (that of ONNX 1.12, which defines opset 17). */
  public static final int IR_VERSION = 8;
  public static final String INPUT = "input";
  public static final String OUTPUT = "logits";

  private OnnxExport() {}

  /**
   * The ONNX model of {@code net}'s weights as they are now. {@code foldBatchNorm} folds each
   * BatchNorm into the convolution before it (as {@link Network#inference()} runs it: the
   * convolution's weight and bias initializers then hold the folded values); otherwise each is
   * a {@code BatchNormalization} node on the running statistics.
   */
  public static OnnxMl.ModelProto model(Network net, boolean foldBatchNorm) {
    return model(net, foldBatchNorm, Map.of());
  }

  /** As {@link #model(Network, boolean)}, with {@code metadata} as the model's metadata properties. */
  public static OnnxMl.ModelProto model(Network net, boolean foldBatchNorm, Map<String, String> metadata) {
    ModelSpec spec = net.spec();
    OnnxGraph graph = new OnnxGraph(spec.model(), INPUT, OUTPUT);
    String last;
    try (NDManager scope = net.manager().newSubManager()) {
      last = new StageWriter(graph, foldBatchNorm, scope).stages(net.stages(), INPUT);
    }
    OnnxMl.GraphProto g = graph.build(new long[] {spec.channels(), spec.height(), spec.width()}, last,
        new long[] {spec.classes()});
    OnnxMl.ModelProto.Builder m = wrap(g, describe(net, foldBatchNorm));
    metadata.forEach((k, v) -> m.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    return m.build();
  }

  /**
   * One convolution slot on its own (its dense convolution, or one {@code Conv} node per factor)
   * as a model from {@code [N, C_in, H, W]} to {@code [N, C_out, H', W']}: what a runtime times
   * when it compares a factor chain with the convolution it replaces.
   */
  public static OnnxMl.ModelProto layer(Conv2d conv, NDManager manager) {
    OnnxGraph graph = new OnnxGraph(conv.name(), INPUT, OUTPUT);
    String last;
    try (NDManager scope = manager.newSubManager()) {
      last = new StageWriter(graph, false, scope).conv(conv, null, INPUT);
    }
    OnnxMl.GraphProto g = graph.build(new long[] {conv.spec().inChannels(), conv.inputHeight(), conv.inputWidth()}, last,
        new long[] {conv.spec().outChannels(), conv.outputHeight(), conv.outputWidth()});
    return wrap(g, "convcut layer " + conv.name() + ": " + conv.convolutions().size() + " Conv node(s) ("
        + conv.form().origin() + ")").build();
  }

  private static OnnxMl.ModelProto.Builder wrap(OnnxMl.GraphProto g, String doc) {
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName("convcut")
        .setProducerVersion(producerVersion())
        .setDocString(doc)
        .setGraph(g);
  }

  /**
   * Writes {@code ck}'s network to {@code out} atomically, with the checkpoint's preprocessing
   * and class names as metadata; refuses to replace an existing file unless {@code force}.
   */
  public static OnnxMl.ModelProto write(Checkpoint ck, Path out, boolean foldBatchNorm, boolean force) {
    if (Files.exists(out) && !force) {
      throw OutputPlace.taken(out + " already exists", false);
    }
    if (Files.isDirectory(out)) {
      throw new ConvcutException(Words.of(out + " is a directory; ", Setting.OUT, " names the ONNX file to write"));
    }
    OnnxMl.ModelProto model = model(ck.network(), foldBatchNorm, metadata(ck.architecture()));
    AtomicFiles.write(out, model::writeTo);
    return model;
  }

  /** The checkpoint's facts a deployment needs: input normalization, class names, dataset. */
  public static Map<String, String> metadata(Architecture a) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("convcut.model", a.model());
    m.put("convcut.input", "(pixels/255 - mean)/std per channel, NCHW float32, " + a.channels() + "x" + a.size() + "x" + a.size());
    if (a.preprocessingKnown()) {
      m.put("convcut.mean", join(a.preprocessing().mean()));
      m.put("convcut.std", join(a.preprocessing().std()));
    }
    if (a.dataset() != null) {
      m.put("convcut.dataset", a.dataset());
    }
    if (!a.classNames().isEmpty()) {
      m.put("convcut.class_names", String.join(",", a.classNames()));
    }
    return m;
  }

  private static String join(java.util.List<Double> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static String describe(Network net, boolean fold) {
    StringBuilder s = new StringBuilder("convcut " + net.spec().model() + ", inference logits; BatchNorm "
        + (fold ? "folded into the convolutions" : "as BatchNormalization nodes"));
    net.forms().forEach((name, form) -> s.append("; ").append(name).append(": ").append(form.factors().size())
        .append(" Conv factors (").append(form.origin()).append(')'));
    return s.toString();
  }

  private static String producerVersion() {
    String v = OnnxExport.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
