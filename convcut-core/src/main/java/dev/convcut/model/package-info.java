/**
 * convcut's networks: a small module system over libtorch's functional operations (convolution,
 * batch normalization, linear, pooling) with parameters named as PyTorch's {@code state_dict}
 * names them. A {@link dev.convcut.model.Network} is an ordered list of {@link
 * dev.convcut.model.Stage}s, so the study can run the layers before a truncated one once and
 * only the rest per variant; every convolution and linear layer is addressable by name.
 */
package dev.convcut.model;
