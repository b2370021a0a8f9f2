package dev.convcut.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * The constant operand of an {@code addconst}/{@code subconst}/{@code mulconst}/{@code divconst}
 * node: {@code shape} (the constant's, padded with leading 1s to the input's rank, batch axis 1),
 * {@code value} (its values, row-major) and {@code first} (1 when the constant is the left operand,
 * which matters for subtraction and division). The input's shape is kept: the constant only
 * broadcasts.
 */
final class ConstantOperand {
  private ConstantOperand() {}

  static NDArray apply(GraphNode n, NDArray x, BinaryOperator<NDArray> op) {
    long[] shape = Arrays.stream(n.ints("shape")).mapToLong(i -> i).toArray();
    float[] v = new float[n.attrs().get("value").size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = n.attrs().get("value").get(i).floatValue();
    }
    NDArray c = x.getManager().create(v, new Shape(shape)).toType(DataType.FLOAT32, false).toDevice(x.getDevice(), false);
    return n.integer("first") != 0 ? op.apply(c, x) : op.apply(x, c);
  }
}
