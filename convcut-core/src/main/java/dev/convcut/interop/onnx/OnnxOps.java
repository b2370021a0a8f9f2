package dev.convcut.interop.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/**
 * The ONNX operators convcut's networks are made of, as the default domain defines them at
 * {@link OnnxExport#OPSET} (onnx/onnx {@code docs/Operators.md}): inputs, outputs and the
 * attributes convcut sets. Tribuo's builder checks every node against these.
 */
enum OnnxOps implements ONNXOperator {
  /** {@code Conv-11}: X, W, optional B. */
  CONV("Conv", 2, 1, Map.of("kernel_shape", AttributeType.INTS, "strides", AttributeType.INTS,
      "pads", AttributeType.INTS, "dilations", AttributeType.INTS, "group", AttributeType.INT)),
  /** {@code BatchNormalization-15} in inference mode: X, scale, B, mean, var. */
  BATCH_NORMALIZATION("BatchNormalization", 5, 0, Map.of("epsilon", AttributeType.FLOAT, "momentum", AttributeType.FLOAT)),
  /** {@code Relu-14}. */
  RELU("Relu", 1, 0, Map.of()),
  /** {@code MaxPool-12}; padded cells are −∞, as in PyTorch. */
  MAX_POOL("MaxPool", 1, 0, Map.of("kernel_shape", AttributeType.INTS, "strides", AttributeType.INTS,
      "pads", AttributeType.INTS, "ceil_mode", AttributeType.INT), "kernel_shape"),
  /** {@code GlobalAveragePool-1}: {@code (N, C, H, W) → (N, C, 1, 1)}. */
  GLOBAL_AVERAGE_POOL("GlobalAveragePool", 1, 0, Map.of()),
  /** {@code Flatten-13}. */
  FLATTEN("Flatten", 1, 0, Map.of("axis", AttributeType.INT)),
  /** {@code Gemm-13}: {@code A·Bᵀ + C} with {@code transB = 1}. */
  GEMM("Gemm", 2, 1, Map.of("transB", AttributeType.INT)),
  /** {@code Add-14}. */
  ADD("Add", 2, 0, Map.of()),
  /** {@code AveragePool-11}. */
  AVERAGE_POOL("AveragePool", 1, 0, Map.of("kernel_shape", AttributeType.INTS, "strides", AttributeType.INTS,
      "pads", AttributeType.INTS, "ceil_mode", AttributeType.INT, "count_include_pad", AttributeType.INT), "kernel_shape"),
  /** {@code Reshape-14}: data, shape (int64). */
  RESHAPE("Reshape", 2, 0, Map.of()),
  /** {@code Pad-13}: data, pads (int64), constant zero. */
  PAD("Pad", 2, 0, Map.of()),
  /** {@code Mul-14}, broadcasting. */
  MUL("Mul", 2, 0, Map.of()),
  /** {@code Concat-13}. */
  CONCAT("Concat", -1, 0, Map.of("axis", AttributeType.INT), "axis"),
  /** {@code LeakyRelu-16}. */
  LEAKY_RELU("LeakyRelu", 1, 0, Map.of("alpha", AttributeType.FLOAT)),
  /** {@code Clip-13}: input, min, max (scalars). */
  CLIP("Clip", 3, 0, Map.of()),
  /** {@code Sigmoid-13}. */
  SIGMOID("Sigmoid", 1, 0, Map.of()),
  /** {@code HardSigmoid-6}: {@code max(0, min(1, alpha·x + beta))}. */
  HARD_SIGMOID("HardSigmoid", 1, 0, Map.of("alpha", AttributeType.FLOAT, "beta", AttributeType.FLOAT)),
  /** {@code HardSwish-14}. */
  HARD_SWISH("HardSwish", 1, 0, Map.of()),
  /** {@code Transpose-13}. */
  TRANSPOSE("Transpose", 1, 0, Map.of("perm", AttributeType.INTS), "perm"),
  /** {@code Slice-13}: data, starts, ends, axes, steps (int64). */
  SLICE("Slice", 5, 0, Map.of()),
  /** {@code ReduceMean-13}: axes as an attribute. */
  REDUCE_MEAN("ReduceMean", 1, 0, Map.of("axes", AttributeType.INTS, "keepdims", AttributeType.INT)),
  /** {@code Sub-14}, broadcasting. */
  SUB("Sub", 2, 0, Map.of()),
  /** {@code Div-14}, broadcasting. */
  DIV("Div", 2, 0, Map.of());

  private final String opName;
  private final int inputs;
  private final int optionalInputs;
  private final Map<String, ONNXAttribute> attributes;
  private final Set<String> mandatory;

  OnnxOps(String opName, int inputs, int optionalInputs, Map<String, AttributeType> attributes, String... mandatory) {
    this.opName = opName;
    this.inputs = inputs;
    this.optionalInputs = optionalInputs;
    Set<String> required = Set.of(mandatory);
    Map<String, ONNXAttribute> attrs = new LinkedHashMap<>();
    attributes.forEach((name, type) -> attrs.put(name, new ONNXAttribute(name, type, required.contains(name))));
    this.attributes = Map.copyOf(attrs);
    this.mandatory = attrs.values().stream().filter(ONNXAttribute::isMandatory).map(ONNXAttribute::getName)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String getOpName() {
    return opName;
  }

  @Override
  public int getNumInputs() {
    return inputs;
  }

  @Override
  public int getNumOptionalInputs() {
    return optionalInputs;
  }

  @Override
  public int getNumOutputs() {
    return 1;
  }

  @Override
  public Map<String, ONNXAttribute> getAttributes() {
    return attributes;
  }

  @Override
  public Set<String> getMandatoryAttributeNames() {
    return mandatory;
  }

  /** The opset the model imports; each operator above is defined as listed there. */
  @Override
  public int getOpVersion() {
    return OnnxExport.OPSET;
  }

  /** The default ONNX domain. */
  @Override
  public String getOpDomain() {
    return "";
  }
}
