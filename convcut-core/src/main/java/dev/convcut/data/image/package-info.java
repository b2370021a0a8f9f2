/**
 * Image files to 8-bit pixels exactly as torchvision's {@code ImageFolder} with the PIL backend
 * would see them: decoding with PIL's {@code convert("RGB"/"L")} semantics
 * ({@link dev.convcut.data.image.ImageDecoder}), Pillow's bilinear resize
 * ({@link dev.convcut.data.image.Resample}), and the evaluation and training transforms
 * ({@link dev.convcut.data.image.EvalTransform}, {@link dev.convcut.data.image.TrainTransform}).
 * Plain Java, no DJL. Semantics and measured differences from PIL: docs/image-decoding-notes.md.
 */
package dev.convcut.data.image;
