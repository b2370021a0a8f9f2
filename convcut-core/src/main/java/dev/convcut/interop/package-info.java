/**
 * Weight exchange with PyTorch: export a checkpoint's {@code state_dict} as safetensors or npz
 * (loadable with {@code load_state_dict(strict=True)} into the reference modules), and import
 * such a file into a convcut checkpoint.
 */
package dev.convcut.interop;
